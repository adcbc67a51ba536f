package org.iin.csec.certificate.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iin.csec.certificate.application.Conflict;
import org.iin.csec.certificate.application.UploadRefused;
import org.iin.csec.certificate.application.signing.InvalidCredentialException;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.rest.Problem;

import java.util.List;

/**
 * The certificates' own refusals as application/problem+json: an upload refused with the check's verdict, a
 * credential that does not open, a conflict with the certificate's state. The errors both services share are mapped
 * by the chassis (org.iin.csec.chassis.rest.ProblemMappers).
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    /** Why a PDF signed elsewhere was refused: the check's outcome and its explanation. */
    public record Verdict(String outcome, String message) {
    }

    /** A PDF signed elsewhere that the check refused: 422 with the verdict. */
    @Provider
    public static class UploadRefusals implements ExceptionMapper<UploadRefused> {
        @Override
        public Response toResponse(UploadRefused e) {
            return Problem.of(422, "Unprocessable Content", "upload-refused", e.getMessage(), null)
                    .with("verdict", new Verdict(e.verdict().outcome().name(), e.verdict().message()))
                    .toResponse();
        }
    }

    /** A PKCS#12 that does not open: its message never contains the passphrase. */
    @Provider
    public static class InvalidCredentials implements ExceptionMapper<InvalidCredentialException> {
        @Override
        public Response toResponse(InvalidCredentialException e) {
            return Problem.of(422, "Unprocessable Content", "invalid-credential", e.getMessage(),
                    List.of(new FieldProblem("passphrase", e.getMessage()))).toResponse();
        }
    }

    @Provider
    public static class Conflicts implements ExceptionMapper<Conflict> {
        @Override
        public Response toResponse(Conflict e) {
            return Problem.of(Response.Status.CONFLICT, e.code(), e.getMessage()).toResponse();
        }
    }
}
