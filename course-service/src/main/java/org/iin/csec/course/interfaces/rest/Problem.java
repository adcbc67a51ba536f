package org.iin.csec.course.interfaces.rest;

import jakarta.ws.rs.core.Response;
import org.iin.csec.course.domain.FieldProblem;

import java.util.List;

/** An RFC 9457 problem document, with the fields a page needs to show errors next to their inputs. */
public record Problem(String type, String title, int status, String detail, String code,
                      List<FieldProblem> errors, List<Views.ImportRow> rows) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.Status status, String code, String detail) {
        return new Problem(type(code), status.getReasonPhrase(), status.getStatusCode(), detail, code, null, null);
    }

    public static Problem of(int status, String title, String code, String detail, List<FieldProblem> errors) {
        return new Problem(type(code), title, status, detail, code, errors, null);
    }

    public Problem withRows(List<Views.ImportRow> importRows) {
        return new Problem(type, title, status, detail, code, errors, importRows);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    private static String type(String code) {
        return code == null ? "about:blank" : "urn:csec:problem:" + code;
    }
}
