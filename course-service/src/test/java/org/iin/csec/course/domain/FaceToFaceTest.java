package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.FaceToFacePlan;
import org.iin.csec.course.domain.agreement.Modality;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.edition.EditionStatus;
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
import static org.assertj.core.api.Assertions.assertThatCode;
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

        seats.closeFaceToFace(now);
        assertThat(agreement.isFaceToFaceClosed()).isTrue();
        assertThatThrownBy(() -> seats.closeFaceToFace(now)).isInstanceOf(RuleViolation.class)
                .extracting("code").isEqualTo("stage-already-closed");
    }

    @Test
    void theStageClosesOnlyWithEveryResultIn() {
        Participant ana = enrolled("ana");
        Participant bea = enrolled("bea");
        // Nobody outside the course waits for a result: neither the withdrawn nor the merely nominated.
        enrolled("carla").withdraw(now);
        seats.nominate(new Nominee("Dora", "T", "dora@example.org", null, null, null, null), false, now);
        ana.recordFaceToFace(FaceToFaceResult.PASSED, null, null, now);

        assertThatThrownBy(() -> seats.closeFaceToFace(now))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("results-missing");
                    assertThat(violation.getMessage()).isEqualTo(
                            "1 participants of AR have no face-to-face result yet; record them before closing the stage.");
                });
        assertThat(agreement.isFaceToFaceClosed()).isFalse();

        bea.recordFaceToFace(FaceToFaceResult.ABSENT, null, null, now);
        seats.closeFaceToFace(now);
        assertThat(agreement.faceToFaceClosedAt()).isEqualTo(now);
    }

    @Test
    void thePlanIsFrozenOnceTheStageStartsOrTheStateClosesIt() {
        agreement.plan(new FaceToFacePlan(LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 18), "Buenos Aires",
                Modality.IN_PERSON, 30, "Panel"), null, null);

        assertThatCode(() -> agreement.requirePlanOpen(LocalDate.of(2027, 6, 13))).doesNotThrowAnyException();
        assertThatThrownBy(() -> agreement.requirePlanOpen(LocalDate.of(2027, 6, 14)))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("plan-frozen");
                    assertThat(violation.getMessage()).isEqualTo(
                            "The face-to-face plan of AR can no longer change: the stage has started or is closed.");
                });

        seats.closeFaceToFace(now);
        assertThatThrownBy(() -> agreement.requirePlanOpen(LocalDate.of(2027, 6, 13)))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("plan-frozen");
    }

    @Test
    void thePlanIsFrozenOnceTheEditionCloses() {
        Edition edition = new Edition("2027-2", "CSEC", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), 120, now);
        Agreement uruguay = new Agreement(edition, "UY", 5);
        assertThatCode(() -> uruguay.requirePlanOpen(LocalDate.of(2027, 6, 13))).doesNotThrowAnyException();

        edition.linkMoodleCourse(2L);
        for (EditionStatus phase : List.of(EditionStatus.NOMINATIONS_OPEN, EditionStatus.ONLINE_STAGE,
                EditionStatus.FACE_TO_FACE_STAGE, EditionStatus.CLOSED)) {
            edition.moveTo(phase);
        }
        assertThatThrownBy(() -> uruguay.requirePlanOpen(LocalDate.of(2027, 6, 13)))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("plan-frozen");
    }

    private Participant enrolled(String name) {
        Participant p = seats.nominate(new Nominee(name, "T", name + "@example.org", null, null, null, null), false, now);
        p.accept(now);
        p.enrolledInMoodle(100L, now);
        return p;
    }
}
