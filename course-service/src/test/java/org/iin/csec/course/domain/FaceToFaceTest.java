package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.FaceToFacePlan;
import org.iin.csec.course.domain.agreement.Modality;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.FaceToFaceResult;
import org.iin.csec.course.domain.participant.Nominee;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.StateSeats;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaceToFaceTest {

    private final Instant now = Instant.parse("2027-06-20T10:00:00Z");
    private final Agreement agreement = new Agreement(
            new Edition("2027-1", "CSEC", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), 120, now), "AR", 5);
    private final StateSeats seats = new StateSeats(agreement, List.of());

    @Test
    void eligibleOnlyWithBothStagesPassed() {
        Participant p = enrolled("ana");
        assertThat(p.isEligibleForCertificate()).isFalse();

        p.recordFaceToFace(FaceToFaceResult.PASSED, new BigDecimal("87.5"), "Excelente caso", now);
        assertThat(p.isEligibleForCertificate()).isFalse();

        p.recordOnlineStage(OnlineStageResult.COMPLETED, now);
        assertThat(p.isEligibleForCertificate()).isTrue();

        p.recordFaceToFace(FaceToFaceResult.FAILED, null, "Corrected after review", now);
        assertThat(p.isEligibleForCertificate()).isFalse();
    }

    @Test
    void refusesImpossibleResults() {
        Participant p = enrolled("ana");

        assertThatThrownBy(() -> p.recordFaceToFace(FaceToFaceResult.PENDING, null, null, now)).extracting("field").isEqualTo("result");
        assertThatThrownBy(() -> p.recordFaceToFace(FaceToFaceResult.PASSED, new BigDecimal("100.5"), null, now))
                .extracting("field").isEqualTo("score");
        assertThatThrownBy(() -> p.recordFaceToFace(FaceToFaceResult.PASSED, new BigDecimal("-1"), null, now))
                .extracting("field").isEqualTo("score");
        assertThatThrownBy(() -> p.recordFaceToFace(FaceToFaceResult.PASSED, null, "x".repeat(1001), now))
                .extracting("field").isEqualTo("note");
        assertThat(p.faceToFaceResult()).isEqualTo(FaceToFaceResult.PENDING);
    }

    @Test
    void onlyAcceptedParticipantsHaveAResult() {
        Participant nominated = seats.nominate(new Nominee("N", "N", "n@example.org", null, null, null, null), false, now);

        assertThatThrownBy(() -> nominated.recordFaceToFace(FaceToFaceResult.PASSED, null, null, now))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("only accepted participants");
    }

    @Test
    void theStateClosesItsStageOnceAndThePlanFreezesWhenTheStageStarts() {
        agreement.plan(new FaceToFacePlan(LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 18), "Buenos Aires",
                Modality.IN_PERSON, 30, "Panel"), null, null);

        assertThat(agreement.acceptsPlanChanges(LocalDate.of(2027, 6, 13))).isTrue();
        assertThat(agreement.acceptsPlanChanges(LocalDate.of(2027, 6, 14))).isFalse();

        agreement.closeFaceToFace(now);
        assertThat(agreement.isFaceToFaceClosed()).isTrue();
        assertThatThrownBy(() -> agreement.closeFaceToFace(now)).isInstanceOf(RuleViolation.class);
    }

    private Participant enrolled(String name) {
        Participant p = seats.nominate(new Nominee(name, "T", name + "@example.org", null, null, null, null), false, now);
        p.accept(now);
        p.enrolledInMoodle(100L, now);
        return p;
    }
}
