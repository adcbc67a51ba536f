package org.iin.csec.chassis.rest;

import jakarta.ws.rs.core.Response;
import org.iin.csec.chassis.domain.FieldProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, with the fields a page needs to show errors next to their inputs, and any extension
 * members a service adds (a CSV file's rows, an upload's verdict).
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldProblem> errors,
                      Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.Status status, String code, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), code, detail, null);
    }

    public static Problem of(int status, String title, String code, String detail, List<FieldProblem> errors) {
        return new Problem(code == null ? "about:blank" : "urn:csec:problem:" + code, title, status, detail, code,
                errors, Map.of());
    }

    /** The same problem with one more member, e.g. {@code with("rows", rows)}. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, code, errors, Map.copyOf(more));
    }

    /** The document as sent: the standard members, then the extensions; members without a value are left out. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (code != null) {
            body.put("code", code);
        }
        if (errors != null) {
            body.put("errors", errors);
        }
        body.putAll(extensions);
        return body;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(body()).build();
    }
}
