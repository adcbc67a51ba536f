package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.iin.csec.certificate.application.EditionArchive;
import org.iin.csec.certificate.infrastructure.security.SignedInCaller;

import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An edition's signed certificates (optionally one state's) as one ZIP, streamed file by file. */
@Path("/editions")
@ApplicationScoped
public class EditionResource {

    @Inject
    EditionArchive archive;

    @Inject
    SignedInCaller me;

    @GET
    @Path("{code}/certificates.zip")
    @Produces("application/zip")
    public Response certificates(@PathParam("code") String code, @QueryParam("state") String state) {
        List<EditionArchive.Entry> entries = archive.signedCertificates(me.get(), code, state);
        StreamingOutput zip = out -> {
            try (ZipOutputStream files = new ZipOutputStream(out)) {
                // PDFs are compressed already: the fastest level saves CPU and loses next to nothing in size.
                files.setLevel(1);
                for (EditionArchive.Entry entry : entries) {
                    files.putNextEntry(new ZipEntry(entry.fileName()));
                    files.write(archive.file(entry));
                    files.closeEntry();
                }
            }
        };
        String name = "certificates-" + code.replaceAll("[^A-Za-z0-9._-]", "-")
                + (state == null || state.isBlank() ? "" : "-" + state.trim().toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z]", "")) + ".zip";
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
