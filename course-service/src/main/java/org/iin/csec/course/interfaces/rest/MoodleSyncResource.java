package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.course.application.outbox.SyncService;
import org.iin.csec.course.application.outbox.SyncState;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.util.Map;

@Path("/editions/{code}/moodle-sync")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MoodleSyncResource {

    @Inject
    SyncService sync;

    @Inject
    SignedInAccount me;

    /**
     * Work waiting, done and failed by kind; every failure with its participant and reason; and work waiting to be
     * tried again (e.g. Moodle down) with its reason and next attempt.
     */
    @GET
    public SyncState state(@PathParam("code") String code) {
        return sync.state(me.get(), code);
    }

    /** Sends the edition's waiting work now, back-offs cut short, reads completion, then answers with the new state. */
    @POST
    public SyncState runNow(@PathParam("code") String code) {
        sync.runNow(me.get(), code);
        return sync.state(me.get(), code);
    }

    /** Puts the edition's failed items back in line (after the cause was fixed). */
    @POST
    @Path("retry")
    public Map<String, Integer> retry(@PathParam("code") String code) {
        return Map.of("retried", sync.retryFailed(me.get(), code));
    }
}
