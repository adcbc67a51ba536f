package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.course.application.ParticipantService;
import org.iin.csec.course.infrastructure.security.ApiAuthentication;

/** What certificate-service tells course-service (with the services' shared token, never a person's account). */
@Path("/internal")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalResource {

    /** The certificate of a participant, signed by both parties and sent to them. */
    public record Certified(String edition, String certificateNumber, String verificationUrl) {
    }

    @Inject
    SecurityContext security;

    @Inject
    ParticipantService participants;

    /** Idempotent: saying it twice changes nothing more. */
    @POST
    @Path("participants/{id}/certified")
    public Views.ParticipantView certified(@PathParam("id") long id, Certified certified) {
        var caller = security.getCallerPrincipal();
        if (caller == null || !ApiAuthentication.CERTIFICATE_SERVICE.equals(caller.getName())) {
            throw new AccessDenied("Only certificate-service reports certificates.");
        }
        Certified body = EditionResource.required(certified);
        return Views.ParticipantView.of(participants.certified(caller.getName(), body.edition(), id,
                body.certificateNumber(), body.verificationUrl()));
    }
}
