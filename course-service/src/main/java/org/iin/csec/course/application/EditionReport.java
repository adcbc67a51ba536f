package org.iin.csec.course.application;

import org.iin.csec.course.domain.participant.FaceToFaceResult;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * The funnel of an edition, per state: from seats and candidates to certificates. Counts are read from the
 * participants themselves, so the report always equals their states.
 */
public record EditionReport(String edition, List<Line> states, Line total) {

    /**
     * One state's funnel. {@code proposed}: every candidate the state put forward; {@code accepted}: accepted
     * by the IIN (including those later enrolled or certified); rates are fractions of the step before.
     */
    public record Line(String state, int seats, long proposed, long waitlisted, long accepted, long enrolled,
                       long onlineCompleted, long faceToFacePassed, long certified, Double enrolmentRate,
                       Double onlineCompletionRate, Double faceToFacePassRate, Double certificationRate) {

        static Line of(String state, int seats, List<Participant> participants) {
            long proposed = participants.size();
            long waitlisted = count(participants, p -> p.status() == ParticipantStatus.WAITLISTED);
            long accepted = count(participants, p -> p.status() == ParticipantStatus.ACCEPTED
                    || p.status() == ParticipantStatus.ENROLLED || p.status() == ParticipantStatus.CERTIFIED);
            long enrolled = count(participants, p -> p.status() == ParticipantStatus.ENROLLED
                    || p.status() == ParticipantStatus.CERTIFIED);
            long online = count(participants, p -> p.belongsInMoodle()
                    && p.onlineStageResult() == OnlineStageResult.COMPLETED);
            long passed = count(participants, p -> p.belongsInMoodle() && p.faceToFaceResult() == FaceToFaceResult.PASSED);
            long certified = count(participants, p -> p.status() == ParticipantStatus.CERTIFIED);
            return new Line(state, seats, proposed, waitlisted, accepted, enrolled, online, passed, certified,
                    rate(enrolled, accepted), rate(online, enrolled), rate(passed, enrolled), rate(certified, accepted));
        }

        static Line total(List<Line> lines) {
            return new Line(null, lines.stream().mapToInt(Line::seats).sum(), sum(lines, Line::proposed),
                    sum(lines, Line::waitlisted), sum(lines, Line::accepted), sum(lines, Line::enrolled),
                    sum(lines, Line::onlineCompleted), sum(lines, Line::faceToFacePassed), sum(lines, Line::certified),
                    rate(sum(lines, Line::enrolled), sum(lines, Line::accepted)),
                    rate(sum(lines, Line::onlineCompleted), sum(lines, Line::enrolled)),
                    rate(sum(lines, Line::faceToFacePassed), sum(lines, Line::enrolled)),
                    rate(sum(lines, Line::certified), sum(lines, Line::accepted)));
        }

        private static long count(List<Participant> participants, java.util.function.Predicate<Participant> which) {
            return participants.stream().filter(which).count();
        }

        private static long sum(List<Line> lines, java.util.function.ToLongFunction<Line> value) {
            return lines.stream().mapToLong(value).sum();
        }

        /** Null when there is nothing to divide by: "no rate yet", not 0 %. */
        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
        }
    }

    /** As a spreadsheet-safe CSV: one row per state, then the total when the reader may see it. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("edition,state,seats,proposed,waitlisted,accepted,enrolled,"
                + "online_completed,face_to_face_passed,certified,enrolment_rate,online_completion_rate,"
                + "face_to_face_pass_rate,certification_rate\r\n");
        List<Line> rows = new ArrayList<>(states);
        if (total != null) {
            rows.add(total);
        }
        for (Line l : rows) {
            csv.append(String.join(",", SpreadsheetCell.of(edition), SpreadsheetCell.of(l.state() == null ? "TOTAL" : l.state()),
                    String.valueOf(l.seats()), String.valueOf(l.proposed()), String.valueOf(l.waitlisted()),
                    String.valueOf(l.accepted()), String.valueOf(l.enrolled()), String.valueOf(l.onlineCompleted()),
                    String.valueOf(l.faceToFacePassed()), String.valueOf(l.certified()), number(l.enrolmentRate()),
                    number(l.onlineCompletionRate()), number(l.faceToFacePassRate()), number(l.certificationRate())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }
}
