package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.edition.EditionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditionTest {

    private final Instant now = Instant.parse("2027-01-10T09:00:00Z");

    @Test
    void movesForwardOneStepAtATime() {
        Edition edition = edition();
        edition.linkMoodleCourse(2L);

        edition.moveTo(EditionStatus.NOMINATIONS_OPEN);
        assertThat(edition.acceptsNominations()).isTrue();
        assertThatThrownBy(() -> edition.moveTo(EditionStatus.CLOSED))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("can only move to ONLINE_STAGE");
        assertThatThrownBy(() -> edition.moveTo(EditionStatus.DRAFT)).isInstanceOf(RuleViolation.class);

        edition.moveTo(EditionStatus.ONLINE_STAGE);
        edition.moveTo(EditionStatus.FACE_TO_FACE_STAGE);
        edition.moveTo(EditionStatus.CLOSED);
        assertThat(edition.isClosed()).isTrue();
        assertThatThrownBy(() -> edition.describe("New", "es", edition.onlineStageStart(), edition.onlineStageEnd(), 10))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("closed");
    }

    @Test
    void theOnlineStageNeedsAMoodleCourse() {
        Edition edition = edition();
        edition.moveTo(EditionStatus.NOMINATIONS_OPEN);

        assertThatThrownBy(() -> edition.moveTo(EditionStatus.ONLINE_STAGE))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("moodleCourseId");
        assertThat(edition.status()).isEqualTo(EditionStatus.NOMINATIONS_OPEN);
    }

    @Test
    void refusesImpossibleDescriptions() {
        assertThatThrownBy(() -> new Edition("2027/1", "T", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 1), 10, now))
                .extracting("field").isEqualTo("code");
        assertThatThrownBy(() -> new Edition("2027-1", "T", "de", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 1), 10, now))
                .extracting("field").isEqualTo("language");
        assertThatThrownBy(() -> new Edition("2027-1", "T", "es", LocalDate.of(2027, 4, 1), LocalDate.of(2027, 3, 1), 10, now))
                .extracting("field").isEqualTo("onlineStageEnd");
        assertThatThrownBy(() -> new Edition("2027-1", " ", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 1), 10, now))
                .extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> new Edition("2027-1", "T", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 1), 0, now))
                .extracting("field").isEqualTo("courseHours");
    }

    private Edition edition() {
        return new Edition("2027-1", "CSEC", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), 120, now);
    }
}
