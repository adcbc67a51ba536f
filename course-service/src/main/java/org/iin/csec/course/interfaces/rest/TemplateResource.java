package org.iin.csec.course.interfaces.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.iin.csec.course.application.NomineeCsv;

/** Files people fill in and upload; the same for every state. */
@Path("/templates")
public class TemplateResource {

    /** The nominations CSV template, with a BOM so spreadsheets open it as UTF-8. */
    @GET
    @Path("nominations.csv")
    @Produces(NominationResource.TEXT_CSV)
    public Response nominations() {
        return Response.ok("\uFEFF" + NomineeCsv.TEMPLATE)
                .type(NominationResource.TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"nominations-template.csv\"")
                .build();
    }
}
