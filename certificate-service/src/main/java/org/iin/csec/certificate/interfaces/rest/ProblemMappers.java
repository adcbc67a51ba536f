package org.iin.csec.certificate.interfaces.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iin.csec.certificate.application.AccessDenied;
import org.iin.csec.certificate.application.Conflict;
import org.iin.csec.certificate.application.UploadRefused;
import org.iin.csec.certificate.domain.FieldProblem;
import org.iin.csec.certificate.domain.InvalidInput;
import org.iin.csec.certificate.domain.NotFound;
import org.iin.csec.certificate.domain.RuleViolation;
import org.iin.csec.certificate.infrastructure.persistence.DatabaseFailures;
import org.iin.csec.certificate.interfaces.web.RequestLog;
import org.iin.csec.certificate.signing.InvalidCredentialException;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as application/problem+json, and none says more than the caller may know. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class RuleViolations implements ExceptionMapper<RuleViolation> {
        @Override
        public Response toResponse(RuleViolation e) {
            List<FieldProblem> errors = e.field() == null ? null : List.of(new FieldProblem(e.field(), e.getMessage()));
            return Problem.of(422, "Unprocessable Content", e.code(), e.getMessage(), errors).toResponse();
        }
    }

    /** A PDF signed elsewhere that the check refused: 422 with the verdict. */
    @Provider
    public static class UploadRefusals implements ExceptionMapper<UploadRefused> {
        @Override
        public Response toResponse(UploadRefused e) {
            return Problem.of(422, "Unprocessable Content", "upload-refused", e.getMessage(), null)
                    .withVerdict(new Problem.Verdict(e.verdict().outcome().name(), e.verdict().message()))
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
    public static class InvalidInputs implements ExceptionMapper<InvalidInput> {
        @Override
        public Response toResponse(InvalidInput e) {
            return Problem.of(400, "Bad Request", "invalid-input", "Some fields are not valid.", e.problems())
                    .toResponse();
        }
    }

    @Provider
    public static class NotFounds implements ExceptionMapper<NotFound> {
        @Override
        public Response toResponse(NotFound e) {
            return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Denials implements ExceptionMapper<AccessDenied> {
        @Override
        public Response toResponse(AccessDenied e) {
            return Problem.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Conflicts implements ExceptionMapper<Conflict> {
        @Override
        public Response toResponse(Conflict e) {
            return Problem.of(Response.Status.CONFLICT, e.code(), e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class ConcurrentChanges implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return concurrentChange();
        }
    }

    static Response concurrentChange() {
        return Problem.of(Response.Status.CONFLICT, "concurrent-change",
                "Someone else changed this at the same time. Reload and try again.").toResponse();
    }

    /** A body JSON-B could not read: broken JSON, or a value of the wrong type. */
    @Provider
    public static class UnreadableBodies implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                    "The request body is not valid JSON of the expected shape.").toResponse();
        }
    }

    /** JAX-RS's own errors (unknown path, wrong method or media type, unreadable body) keep their status. */
    @Provider
    public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response.StatusType status = original.getStatusInfo();
            String detail = status.getStatusCode() == 400
                    ? "The request could not be read: check that it is valid JSON of the expected shape."
                    : e.getMessage();
            return Response.fromResponse(original).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), null, detail, null))
                    .build();
        }
    }

    /**
     * A transaction that failed at its commit (the database refused the write, or went away): the container wraps
     * that in a TransactionalException, which Jersey's own mapper for it would turn into a bare 500 page, as the
     * cause is not a RuntimeException. Answered as anything unexpected is.
     */
    @Provider
    public static class FailedCommits implements ExceptionMapper<TransactionalException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(TransactionalException e) {
            Unexpected unexpected = new Unexpected();
            unexpected.request = request;
            return unexpected.toResponse(e);
        }
    }

    /** Anything unexpected: logged here with its cause, answered without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(RuntimeException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof RuleViolation rule) {
                    return new RuleViolations().toResponse(rule);
                }
                if (cause instanceof NotFound notFound) {
                    return new NotFounds().toResponse(notFound);
                }
                if (cause instanceof AccessDenied denied) {
                    return new Denials().toResponse(denied);
                }
                if (cause instanceof Conflict conflict) {
                    return new Conflicts().toResponse(conflict);
                }
                if (cause instanceof UploadRefused refused) {
                    return new UploadRefusals().toResponse(refused);
                }
                if (cause instanceof OptimisticLockException
                        || cause instanceof PessimisticLockException && DatabaseFailures.isLockConflict(cause)) {
                    return concurrentChange();
                }
                cause = cause.getCause() == cause ? null : cause.getCause();
            }
            // One line each, without the driver's message: it can name the database user or quote the SQL.
            if (DatabaseFailures.isStorageFull(e)) {
                LOG.severe("The certificate database refused to write in request id=" + requestId()
                        + ": its disk is full; the transaction was rolled back. Free disk space on its server.");
                return storageFull();
            }
            if (DatabaseFailures.isDatabase(e)) {
                LOG.warning("The certificate database did not answer in request id=" + requestId() + " ("
                        + e.getClass().getSimpleName() + "); the transaction was rolled back");
                return databaseUnavailable();
            }
            LOG.log(Level.SEVERE, "Unexpected failure in request id=" + requestId(), e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                    "Something went wrong on our side; nothing was changed. Try again, and tell the "
                            + "administrator if it persists.").toResponse();
        }

        private Object requestId() {
            return request == null ? null : request.getAttribute(RequestLog.ID);
        }
    }

    /** The database does not answer (stopped, unreachable, refusing the service's user): worth trying again soon. */
    static Response databaseUnavailable() {
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                        "The certificate service cannot reach its database just now; nothing was changed. "
                                + "Try again in a minute.").toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /**
     * 507, not 503: the service is up and everything stored can still be read, downloaded and verified; only new
     * writes are refused, and waiting does not help until an administrator frees disk space.
     */
    static Response storageFull() {
        return Problem.of(507, "Insufficient Storage", "storage-full",
                "The certificate store is full, so nothing could be saved; nothing was changed and every certificate "
                        + "already signed is safe. An administrator must free disk space; then try again.", null)
                .toResponse();
    }

    /** How long a client should wait before trying again while the database does not answer. */
    static final int RETRY_AFTER_SECONDS = 30;
}
