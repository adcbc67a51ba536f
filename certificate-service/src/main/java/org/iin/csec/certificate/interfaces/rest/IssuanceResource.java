package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iin.csec.certificate.application.IssuanceRequest;
import org.iin.csec.certificate.application.IssuanceService;
import org.iin.csec.certificate.infrastructure.security.CourseServiceAuthentication;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;

import java.util.List;

/**
 * The hand-off from course-service (bearer service token only): a participant became eligible, or a correction
 * made them ineligible. Both are idempotent, so course-service's outbox may repeat them safely.
 */
@Path("/issuance")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IssuanceResource {

    @Inject
    IssuanceService issuance;

    @Context
    HttpServletRequest request;

    /** 201 with the new certificate, or 200 with the participant's live certificate if they already have one. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(IssuanceRequest body) {
        requireCourseService();
        if (body == null) {
            throw new InvalidInput(List.of(new FieldProblem(null, "A JSON body is required.")));
        }
        IssuanceService.Issued issued = issuance.issue(body);
        return Response.status(issued.created() ? 201 : 200).entity(Views.IssuanceView.of(issued.certificate()))
                .build();
    }

    /**
     * Not yet signed by both: revoked ("No longer eligible (corrected result)"). Signed or delivered: flagged
     * {@code revocationRequested} for the course leader to decide. 404 if the participant has no certificate.
     */
    @POST
    @Path("{editionCode}/{participantId}/cancel")
    public Views.CancellationView cancel(@PathParam("editionCode") String editionCode,
                                         @PathParam("participantId") long participantId) {
        requireCourseService();
        return Views.CancellationView.of(issuance.cancel(editionCode, participantId));
    }

    /** The authentication mechanism marks requests that carried the service token; nothing else gets here. */
    private void requireCourseService() {
        if (!Boolean.TRUE.equals(request.getAttribute(CourseServiceAuthentication.SERVICE_CALL))) {
            throw new jakarta.ws.rs.NotAuthorizedException("Bearer realm=\"csec-service\"");
        }
    }
}
