package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.Nominee;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantStatus;
import org.iin.csec.course.domain.participant.StateSeats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticipantTest {

    private final Instant now = Instant.parse("2027-02-01T10:00:00Z");
    private final StateSeats seats = new StateSeats(new Agreement(
            new Edition("2027-1", "CSEC", "en", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 1), 40, now), "AR", 1),
            List.of());

    @Test
    void followsItsLifecycleFromNominationToEnrolment() {
        Participant p = nominate("ana");
        p.accept(now);
        p.enrolledInMoodle(41L, now);
        p.enrolledInMoodle(41L, now);

        assertThat(p.status()).isEqualTo(ParticipantStatus.ENROLLED);
        assertThat(p.moodleUserId()).isEqualTo(41L);
        assertThat(p.belongsInMoodle()).isTrue();
    }

    @Test
    void onlyASeatedNominationCanBeAccepted() {
        nominate("seated");
        Participant waitlisted = nominate("waiting");

        assertThatThrownBy(() -> waitlisted.accept(now))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("WAITLISTED");
        assertThat(waitlisted.status()).isEqualTo(ParticipantStatus.WAITLISTED);
    }

    @Test
    void anAcceptedParticipantCanNoLongerBeRejectedButCanWithdraw() {
        Participant p = nominate("ana");
        p.accept(now);

        assertThatThrownBy(() -> p.reject(now)).isInstanceOf(RuleViolation.class);
        p.withdraw(now);
        assertThat(p.status()).isEqualTo(ParticipantStatus.WITHDRAWN);
        assertThatThrownBy(() -> p.withdraw(now)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void onlyAnAcceptedParticipantBecomesEnrolled() {
        Participant p = nominate("ana");
        p.enrolledInMoodle(41L, now);

        assertThat(p.status()).isEqualTo(ParticipantStatus.NOMINATED);
        assertThat(p.belongsInMoodle()).isFalse();
    }

    @Test
    void anOnlineStageCompletionIsFinal() {
        Participant p = nominate("ana");
        Instant completed = now.plusSeconds(3600);

        assertThat(p.recordOnlineStage(OnlineStageResult.IN_PROGRESS, null)).isTrue();
        assertThat(p.recordOnlineStage(OnlineStageResult.IN_PROGRESS, null)).isFalse();
        assertThat(p.recordOnlineStage(OnlineStageResult.COMPLETED, completed)).isTrue();
        assertThat(p.recordOnlineStage(OnlineStageResult.IN_PROGRESS, null)).isFalse();
        assertThat(p.onlineStageResult()).isEqualTo(OnlineStageResult.COMPLETED);
        assertThat(p.onlineCompletedAt()).isEqualTo(completed);
    }

    @Test
    void namesAreTrimmedAndContactDataNormalised() {
        Participant p = seats.nominate(new Nominee("  Ana ", " Núñez ", " ANA@Example.ORG", "12.345.678-9", " ", "IIN", null), false, now);

        assertThat(p.fullName()).isEqualTo("Ana Núñez");
        assertThat(p.email()).isEqualTo("ana@example.org");
        assertThat(p.identityDocument()).isEqualTo("123456789");
        assertThat(p.position()).isNull();
    }

    private Participant nominate(String name) {
        return seats.nominate(new Nominee(name, "Test", name + "@example.org", null, null, null, null), false, now);
    }
}
