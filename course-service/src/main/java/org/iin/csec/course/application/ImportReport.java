package org.iin.csec.course.application;

import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.StateSeats;

import java.util.List;

/** The per-row outcome of a CSV import: accepted only when no row has a problem. */
public record ImportReport(List<RowReport> rows, StateSeats seats) {

    /** One data row: its line number in the file, and either problems or the participant it became. */
    public record RowReport(int line, String email, List<FieldProblem> problems, Participant participant) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public boolean accepted() {
        return !rows.isEmpty() && rows.stream().allMatch(RowReport::ok);
    }

    public long rowsWithProblems() {
        return rows.stream().filter(r -> !r.ok()).count();
    }

    /** Thrown to roll the whole import back; carries the report for the caller. */
    public static class Rejected extends RuntimeException {

        private final transient ImportReport report;

        public Rejected(ImportReport report) {
            super(report.rowsWithProblems() + " of " + report.rows().size() + " rows have problems; nothing was imported.");
            this.report = report;
        }

        public ImportReport report() {
            return report;
        }
    }
}
