package org.iin.csec.chassis.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the proxy's X-Request-Id when it sends a well-formed one, else a new one), returns it
 * in the answer's X-Request-Id, and logs one line per API call in key=value form: id, method, path (never the
 * query or body), status, milliseconds and the signed-in user. A person reporting a problem quotes the id; the same
 * id finds the call in nginx's log, this log and any error logged for it. The API calls' latencies are also a timer
 * at /metrics (csec_course_api_requests, csec_certificate_api_requests). The lines are written by
 * {@link RequestLines}. Each service's web.xml maps it to every path, first of its filters.
 */
public class RequestLog extends HttpFilter {

    public static final String ID = "csec.requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MetricRegistry metrics;

    @Inject
    RequestLines lines;

    @Inject
    @ConfigProperty(name = "csec.service.name")
    String service;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = request.getHeader("X-Request-Id");
        // Only a well-formed id is kept: anything else could forge log lines.
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : newId();
        request.setAttribute(ID, id);
        response.setHeader("X-Request-Id", id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getServletPath().startsWith("/api/")) {
                metrics.timer("csec_" + service + "_api_requests").update(Duration.ofNanos(System.nanoTime() - start));
                lines.write("request id=" + id + " method=" + request.getMethod() + " path=" + request.getRequestURI()
                        + " status=" + response.getStatus() + " ms=" + (System.nanoTime() - start) / 1_000_000
                        + " user=" + (request.getRemoteUser() == null ? "-" : request.getRemoteUser()));
            }
        }
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
