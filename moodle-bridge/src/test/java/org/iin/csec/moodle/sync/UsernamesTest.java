package org.iin.csec.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void accentsSpacesAndCaseBecomeWhatMoodleAccepts() {
        assertThat(Usernames.forLearner("María José", "Pérez Gómez", "CSEC-P-1042"))
                .isEqualTo("maria-jose.perez-gomez.csec-p-1042");
        assertThat(Usernames.forLearner("Jean-François", "O'Brien", "7")).isEqualTo("jean-francois.o-brien.7");
    }

    @Test
    void namesWithoutLatinLettersStillGiveAUsername() {
        assertThat(Usernames.forLearner("李", "王", "P-9")).isEqualTo("learner.p-9");
    }

    @Test
    void longNamesAreCutButKeepTheParticipantId() {
        String username = Usernames.forLearner("A".repeat(80), "B".repeat(80), "P-123");
        assertThat(username).hasSizeLessThanOrEqualTo(100).endsWith(".p-123").matches("[-a-z0-9._@]+");
    }
}
