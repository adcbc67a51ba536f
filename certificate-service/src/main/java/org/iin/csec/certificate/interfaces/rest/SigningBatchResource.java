package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.certificate.application.BatchSigning;
import org.iin.csec.certificate.infrastructure.security.SignedInCaller;

/** A signing batch's progress: done, failed (with reasons), total; INTERRUPTED ones are resumed by posting again. */
@Path("/signing-batches")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SigningBatchResource {

    @Inject
    BatchSigning batches;

    @Inject
    SignedInCaller me;

    @GET
    @Path("{id}")
    public Views.BatchView get(@PathParam("id") long id) {
        return Views.BatchView.of(batches.progress(me.get(), id));
    }
}
