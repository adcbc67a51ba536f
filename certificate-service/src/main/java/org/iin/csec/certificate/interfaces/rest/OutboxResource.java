package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.certificate.application.outbox.OutboxService;
import org.iin.csec.certificate.infrastructure.security.SignedInCaller;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.outbox.WorkStatus;

import java.util.List;
import java.util.Locale;

/** Work waiting for the outside world (learner e-mails, notices to course-service): what failed and why; retry. */
@Path("/outbox")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    @Inject
    OutboxService outbox;

    @Inject
    SignedInCaller me;

    @GET
    public List<Views.OutboxView> list(@QueryParam("status") String status) {
        return outbox.list(me.get(), status(status)).stream().map(Views.OutboxView::of).toList();
    }

    /** Sends a failed (or waiting) item again at once, after its cause was fixed. */
    @POST
    @Path("{id}/retry")
    public Views.OutboxView retry(@PathParam("id") long id) {
        return Views.OutboxView.of(outbox.retry(me.get(), id));
    }

    private static WorkStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WorkStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("unknown-status", "status", "The status is one of "
                    + List.of(WorkStatus.values()) + ".");
        }
    }
}
