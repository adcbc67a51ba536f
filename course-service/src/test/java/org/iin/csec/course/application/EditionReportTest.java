package org.iin.csec.course.application;

import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.FaceToFaceResult;
import org.iin.csec.course.domain.participant.Nominee;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.StateSeats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EditionReportTest {

    private final Instant now = Instant.parse("2027-06-20T10:00:00Z");

    @Test
    void countsEveryStepOfTheFunnelFromTheParticipantsThemselves() {
        Edition edition = new Edition("2027-1", "CSEC", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), 120, now);
        StateSeats seats = new StateSeats(new Agreement(edition, "AR", 3), List.of());
        Participant a = nominate(seats, "a");
        Participant b = nominate(seats, "b");
        nominate(seats, "c");
        nominate(seats, "d");
        a.accept(now);
        a.enrolledInMoodle(1L, now);
        a.recordOnlineStage(OnlineStageResult.COMPLETED, now);
        a.recordFaceToFace(FaceToFaceResult.PASSED, null, null, now);
        b.accept(now);

        EditionReport.Line line = EditionReport.Line.of("AR", 3, seats.participants());

        assertThat(line.proposed()).isEqualTo(4);
        assertThat(line.waitlisted()).isEqualTo(1);
        assertThat(line.accepted()).isEqualTo(2);
        assertThat(line.enrolled()).isEqualTo(1);
        assertThat(line.onlineCompleted()).isEqualTo(1);
        assertThat(line.faceToFacePassed()).isEqualTo(1);
        assertThat(line.enrolmentRate()).isEqualTo(0.5);
        assertThat(line.certificationRate()).isEqualTo(0.0);

        EditionReport.Line total = EditionReport.Line.total(List.of(line, EditionReport.Line.of("UY", 2, List.of())));
        assertThat(total.seats()).isEqualTo(5);
        assertThat(total.proposed()).isEqualTo(4);
        assertThat(EditionReport.Line.of("UY", 2, List.of()).enrolmentRate()).isNull();
    }

    @Test
    void csvCellsNeverRunAsFormulas() {
        assertThat(SpreadsheetCell.of("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(SpreadsheetCell.of("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetCell.of("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetCell.of("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCell.of("García, Ana")).isEqualTo("\"García, Ana\"");
        assertThat(SpreadsheetCell.of("UY")).isEqualTo("UY");

        String csv = new EditionReport("=cmd", List.of(EditionReport.Line.of("AR", 3, List.of())), null).toCsv();
        assertThat(csv.lines().skip(1)).allSatisfy(row -> assertThat(row).startsWith("'=cmd,AR,3,0"));
    }

    private Participant nominate(StateSeats seats, String name) {
        return seats.nominate(new Nominee(name, "T", name + "@example.org", null, null, null, null), false, now);
    }
}
