package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.edition.EditionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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

    @Test
    void nominationsAreProposedOnlyWhileOpen() {
        assertGate(Edition::requireNominationsOpen, EnumSet.of(EditionStatus.NOMINATIONS_OPEN), "nominations-closed",
                phase -> "Nominations for 2027-1 are not open: the edition is " + phase + ".");
    }

    @Test
    void nominationsAreAcceptedOrRejectedUntilTheFaceToFaceStage() {
        assertGate(Edition::requireSelectionOpen, EnumSet.of(EditionStatus.NOMINATIONS_OPEN, EditionStatus.ONLINE_STAGE),
                "selection-closed",
                phase -> "Nominations of 2027-1 can no longer be accepted or rejected: the edition is " + phase + ".");
    }

    @Test
    void agreementsChangeOnlyBeforeTheOnlineStage() {
        assertGate(Edition::requireAgreementChangesOpen, EnumSet.of(EditionStatus.DRAFT, EditionStatus.NOMINATIONS_OPEN),
                "agreements-closed", phase -> "Agreements of 2027-1 can no longer change: the edition is " + phase + ".");
    }

    @Test
    void faceToFaceResultsAreRecordedDuringTheOnlineAndFaceToFaceStages() {
        assertGate(Edition::requireResultsOpen, EnumSet.of(EditionStatus.ONLINE_STAGE, EditionStatus.FACE_TO_FACE_STAGE),
                "results-closed", phase -> "Face-to-face results of 2027-1 are recorded during the online and face-to-face"
                        + " stages; the edition is " + phase + ".");
    }

    @Test
    void participantsAreWithdrawnUntilTheEditionCloses() {
        assertGate(Edition::requireWithdrawalsOpen, EnumSet.complementOf(EnumSet.of(EditionStatus.CLOSED)),
                "edition-closed", phase -> "The edition 2027-1 is closed.");
    }

    /**
     * Walks a new edition through every phase: the gate lets the request through in {@code open} and refuses it in
     * every other phase with {@code code}, no field, and exactly the message the pages and clients have always had.
     */
    private void assertGate(Consumer<Edition> gate, Set<EditionStatus> open, String code,
                            Function<EditionStatus, String> message) {
        Edition edition = edition();
        edition.linkMoodleCourse(2L);
        for (EditionStatus phase : EditionStatus.values()) {
            edition.moveTo(phase);
            if (open.contains(phase)) {
                assertThatCode(() -> gate.accept(edition)).as("in %s", phase).doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> gate.accept(edition)).as("in %s", phase)
                        .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                            assertThat(violation.code()).isEqualTo(code);
                            assertThat(violation.field()).isNull();
                            assertThat(violation.getMessage()).isEqualTo(message.apply(phase));
                        });
            }
        }
    }

    private Edition edition() {
        return new Edition("2027-1", "CSEC", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), 120, now);
    }
}
