package org.iin.csec.course.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.iin.csec.chassis.rest.Problem;
import org.iin.csec.course.application.FaceToFaceService;
import org.iin.csec.course.application.ImportReport;

/**
 * The course's own refusals as application/problem+json: a CSV file refused with what is wrong on each row. The
 * errors both services share are mapped by the chassis (org.iin.csec.chassis.rest.ProblemMappers).
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class ImportRejections implements ExceptionMapper<ImportReport.Rejected> {
        @Override
        public Response toResponse(ImportReport.Rejected e) {
            return Problem.of(422, "Unprocessable Content", "csv-rows-invalid", e.getMessage(), null)
                    .with("rows", Views.importRows(e.report(), true))
                    .toResponse();
        }
    }

    @Provider
    public static class ResultRejections implements ExceptionMapper<FaceToFaceService.ResultsRejected> {
        @Override
        public Response toResponse(FaceToFaceService.ResultsRejected e) {
            return Problem.of(422, "Unprocessable Content", "csv-rows-invalid", e.getMessage(), null)
                    .with("rows", Views.resultRows(e.report()))
                    .toResponse();
        }
    }
}
