package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.chassis.audit.AuditView;
import org.iin.csec.course.application.AuditQueries;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.util.List;

@Path("/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditQueries audit;

    @Inject
    SignedInAccount me;

    /** Newest first. Administrators and course leaders only. */
    @GET
    public List<AuditView> search(@QueryParam("edition") String edition, @QueryParam("state") String state,
                                        @QueryParam("entityType") String entityType,
                                        @QueryParam("entityId") String entityId,
                                        @QueryParam("limit") @DefaultValue("200") int limit) {
        return audit.search(me.get(), edition, state, entityType, entityId, limit).stream()
                .map(AuditView::of).toList();
    }
}
