package org.iin.csec.chassis.rest;

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
import jakarta.ws.rs.ext.Providers;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.persistence.DatabaseFailures;
import org.iin.csec.chassis.web.RequestLog;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error leaves both services' APIs as application/problem+json, and none says more than the caller may know.
 * A service adds mappers of its own refusals (a CSV file's rows, an upload's verdict) beside these.
 */
public final class ProblemMappers {

    /** How long a client should wait before trying again while the database does not answer. */
    static final int RETRY_AFTER_SECONDS = 30;

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
    public static class ConcurrentChanges implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return concurrentChange();
        }
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
                    .entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), null, detail, null).body())
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
        Providers providers;

        @Override
        public Response toResponse(TransactionalException e) {
            return answerUnexpected(providers, e);
        }
    }

    /**
     * Anything unexpected: a refusal the containers wrapped (transaction rollback, EJB, CDI) is answered as itself;
     * a database that does not answer or is full, as such; the rest is logged here with its cause and answered
     * without internals.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Context
        HttpServletRequest request;

        @Context
        Providers providers;

        /** Which service this is, in the log and the answer ("course", "certificate"). */
        private final String service = ConfigProvider.getConfig().getValue("csec.service.name", String.class);

        @Override
        public Response toResponse(RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null;
                 cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof OptimisticLockException
                        || cause instanceof PessimisticLockException && DatabaseFailures.isLockConflict(cause)) {
                    return concurrentChange();
                }
                Response refusal = ownRefusal(cause);
                if (refusal != null) {
                    return refusal;
                }
            }
            // One line each, without the driver's message: it can name the database user or quote the SQL.
            if (DatabaseFailures.isStorageFull(e)) {
                LOG.severe("The " + service + " database refused to write in request id=" + requestId()
                        + ": its disk is full; the transaction was rolled back. Free disk space on its server.");
                return Problem.of(507, "Insufficient Storage", "storage-full", "The " + service + " database is full, "
                        + "so nothing could be saved; nothing was changed, and everything saved or already signed is "
                        + "safe. An administrator must free disk space; then try again.", null).toResponse();
            }
            if (DatabaseFailures.isDatabase(e)) {
                LOG.warning("The " + service + " database did not answer in request id=" + requestId() + " ("
                        + e.getClass().getSimpleName() + "); the transaction was rolled back");
                return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                                "The " + service + " service cannot reach its database just now; nothing was "
                                        + "changed. Try again in a minute.").toResponse())
                        .header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            LOG.log(Level.SEVERE, "Unexpected failure in request id=" + requestId(), e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                    "Something went wrong on our side; nothing was changed. Try again, and tell the "
                            + "administrator if it persists.").toResponse();
        }

        /** The services' own refusals (org.iin.csec) have mappers of their own; a wrapped one is answered by its. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Response ownRefusal(Throwable cause) {
            if (!cause.getClass().getName().startsWith("org.iin.csec.") || providers == null) {
                return null;
            }
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            return mapper == null || mapper instanceof Unexpected ? null : mapper.toResponse(cause);
        }

        private Object requestId() {
            return request == null ? null : request.getAttribute(RequestLog.ID);
        }
    }

    /** Another transaction holds the lock (EclipseLink reports a database failing under the lock's query alike). */
    @Provider
    public static class LockConflicts implements ExceptionMapper<PessimisticLockException> {
        @Context
        Providers providers;

        @Override
        public Response toResponse(PessimisticLockException e) {
            return DatabaseFailures.isLockConflict(e) ? concurrentChange() : answerUnexpected(providers, e);
        }
    }

    /** As {@link Unexpected} answers: the instance JAX-RS made, with its request. */
    static Response answerUnexpected(Providers providers, RuntimeException e) {
        return providers.getExceptionMapper(RuntimeException.class).toResponse(e);
    }

    static Response concurrentChange() {
        return Problem.of(Response.Status.CONFLICT, "concurrent-change",
                "Someone else changed this at the same time. Reload and try again.").toResponse();
    }
}
