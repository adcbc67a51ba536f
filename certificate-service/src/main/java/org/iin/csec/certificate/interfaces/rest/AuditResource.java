package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.certificate.application.AuditQueries;
import org.iin.csec.certificate.infrastructure.security.SignedInCaller;
import org.iin.csec.chassis.audit.AuditView;

import java.util.List;

/** The audit log of certificate changes, newest first (administrators and the course leader). */
@Path("/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditQueries audit;

    @Inject
    SignedInCaller me;

    @GET
    public List<AuditView> search(@QueryParam("edition") String edition, @QueryParam("state") String state,
                                        @QueryParam("entityType") String entityType,
                                        @QueryParam("entityId") String entityId) {
        return audit.search(me.get(), edition, state, entityType, entityId).stream().map(AuditView::of).toList();
    }
}
