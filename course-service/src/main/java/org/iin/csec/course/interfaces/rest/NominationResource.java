package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.iin.csec.chassis.rest.Problem;
import org.iin.csec.course.application.AgreementService;
import org.iin.csec.course.application.CsvFile;
import org.iin.csec.course.application.NominationService;
import org.iin.csec.course.domain.participant.Nominee;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.io.IOException;
import java.io.InputStream;

@Path("/editions/{code}/agreements/{state}/nominations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class NominationResource {

    public static final String TEXT_CSV = "text/csv";

    @Inject
    NominationService nominations;

    @Inject
    AgreementService agreements;

    @Inject
    SignedInAccount me;

    /** The state's seats and everyone it proposed, in rank and waitlist order. */
    @GET
    public Views.RosterView list(@PathParam("code") String code, @PathParam("state") String state) {
        return Views.RosterView.of(agreements.get(me.get(), code, state));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = "nominations", description = "Time to nominate one person")
    public Response nominate(@PathParam("code") String code, @PathParam("state") String state,
                             Nominee nominee,
                             @Context UriInfo uri) {
        var nomination = nominations.nominate(me.get(), code, state, EditionResource.required(nominee));
        var participant = nomination.participant();
        return Response.created(uri.getBaseUriBuilder().path("editions").path(code).path("participants")
                        .path(String.valueOf(participant.id())).build())
                .entity(Views.ParticipantView.of(participant, nomination.waitlistPosition())).build();
    }

    /** A CSV file of nominees: all rows imported, or none (422 with the per-row report). */
    @POST
    @Consumes({TEXT_CSV, "application/csv"})
    public Response importCsv(@PathParam("code") String code, @PathParam("state") String state,
                              @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                              InputStream body) throws IOException {
        byte[] csv = body.readNBytes(CsvFile.MAX_BYTES + 1);
        if (csv.length > CsvFile.MAX_BYTES) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "csv-too-large",
                    "The file is larger than " + CsvFile.MAX_BYTES / 1024 + " KiB; split it into smaller files.")
                    .toResponse();
        }
        var report = nominations.importCsv(me.get(), code, state, csv, dryRun);
        return Response.status(dryRun ? 200 : 201).entity(Views.ImportView.of(report, !dryRun)).build();
    }
}
