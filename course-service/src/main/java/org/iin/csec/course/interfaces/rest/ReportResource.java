package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iin.csec.course.application.EditionReport;
import org.iin.csec.course.application.ReportService;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

/** The edition's funnel per state, as JSON or as a CSV file (by Accept). */
@Path("/editions/{code}/report")
@ApplicationScoped
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    SignedInAccount me;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EditionReport json(@PathParam("code") String code) {
        return reports.report(me.get(), code);
    }

    @GET
    @Produces(NominationResource.TEXT_CSV)
    public Response csv(@PathParam("code") String code) {
        return Response.ok(reports.report(me.get(), code).toCsv())
                .type(NominationResource.TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"report-" + code.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .build();
    }
}
