package org.iin.csec.course.interfaces.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iin.csec.course.application.AccessDenied;
import org.iin.csec.course.application.FaceToFaceService;
import org.iin.csec.course.application.ImportReport;
import org.iin.csec.course.domain.FieldProblem;
import org.iin.csec.course.domain.InvalidInput;
import org.iin.csec.course.domain.NotFound;
import org.iin.csec.course.domain.RuleViolation;
import org.iin.csec.course.infrastructure.persistence.DatabaseFailures;
import org.iin.csec.course.interfaces.web.RequestLog;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as application/problem+json. */
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

    @Provider
    public static class ImportRejections implements ExceptionMapper<ImportReport.Rejected> {
        @Override
        public Response toResponse(ImportReport.Rejected e) {
            return Problem.of(422, "Unprocessable Content", "csv-rows-invalid", e.getMessage(), null)
                    .withRows(Views.importRows(e.report(), true))
                    .toResponse();
        }
    }

    @Provider
    public static class ResultRejections implements ExceptionMapper<FaceToFaceService.ResultsRejected> {
        @Override
        public Response toResponse(FaceToFaceService.ResultsRejected e) {
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(java.util.Map.of(
                    "type", "urn:csec:problem:csv-rows-invalid", "title", "Unprocessable Content", "status", 422,
                    "code", "csv-rows-invalid", "detail", e.getMessage(),
                    "rows", Views.resultRows(e.report()))).build();
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
            return Problem.of(Response.Status.CONFLICT, "concurrent-change",
                    "Someone else changed this at the same time. Reload and try again.").toResponse();
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
                    ? "The request body could not be read: check that it is valid JSON of the expected shape."
                    : e.getMessage();
            Response.ResponseBuilder builder = Response.fromResponse(original).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), null, detail, null));
            return builder.build();
        }
    }

    /**
     * A transaction that failed at its commit (the database refused the write, or went away): the container wraps
     * that in a TransactionalException, and Jersey's own, more specific mapper for it would answer a bare 500 page.
     * Answered as anything unexpected is (as in certificate-service, whose outage test reaches this path).
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
            // Containers wrap what the use case threw (transaction rollback, EJB, CDI): look through every layer.
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof RuleViolation rule) {
                    return new RuleViolations().toResponse(rule);
                }
                if (t instanceof OptimisticLockException lock) {
                    return new ConcurrentChanges().toResponse(lock);
                }
            }
            if (DatabaseFailures.isDatabase(e)) {
                LOG.warning("The course database did not answer in request id=" + request.getAttribute(RequestLog.ID)
                        + " (" + e.getClass().getSimpleName() + "); the transaction was rolled back");
                return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                                "The service cannot reach its database just now; nothing was changed. Try again in a minute.")
                        .toResponse()).header("Retry-After", 30).build();
            }
            LOG.log(Level.SEVERE, "Unexpected failure in request id=" + request.getAttribute(RequestLog.ID), e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                    "Something went wrong on our side; nothing was changed. Try again, and tell the administrator if it persists.")
                    .toResponse();
        }
    }
}
