package org.iin.csec.certificate.interfaces.rest;

import jakarta.ws.rs.core.Response;
import org.iin.csec.certificate.domain.FieldProblem;

import java.util.List;

/**
 * An RFC 9457 problem document, with the fields a client needs to show errors next to their inputs, and for a
 * refused upload the signature check's verdict.
 */
public record Problem(String type, String title, int status, String detail, String code,
                      List<FieldProblem> errors, Verdict verdict) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Why a PDF signed elsewhere was refused: the check's outcome and its explanation. */
    public record Verdict(String outcome, String message) {
    }

    public static Problem of(Response.Status status, String code, String detail) {
        return new Problem(type(code), status.getReasonPhrase(), status.getStatusCode(), detail, code, null, null);
    }

    public static Problem of(int status, String title, String code, String detail, List<FieldProblem> errors) {
        return new Problem(type(code), title, status, detail, code, errors, null);
    }

    public Problem withVerdict(Verdict uploadVerdict) {
        return new Problem(type, title, status, detail, code, errors, uploadVerdict);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    private static String type(String code) {
        return code == null ? "about:blank" : "urn:csec:problem:" + code;
    }
}
