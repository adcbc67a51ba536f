package org.iin.csec.course.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.iin.csec.chassis.rest.Problem;
import org.iin.csec.course.application.CsvFile;

import java.io.IOException;
import java.io.InputStream;

/**
 * No request body above 1 MiB (the CSV limit; a JSON body is a few KiB) is parsed: 413 before anything is kept,
 * so an oversized body costs no memory. A body sent in chunks without a length is not seen here; in
 * production the proxy bounds those (client_max_body_size in deploy/nginx/csec.conf).
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    /** Read and dropped before answering, up to this much, so the client hears the 413 instead of a reset. */
    private static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > CsvFile.MAX_BYTES) {
            drain(request.getEntityStream());
            request.abortWith(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                    "The request is larger than " + CsvFile.MAX_BYTES / 1024 + " KiB.").toResponse());
        }
    }

    private static void drain(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            for (int n; read < DRAIN_AT_MOST && (n = body.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (IOException gone) {
            // The client went away: nothing to answer.
        }
    }
}
