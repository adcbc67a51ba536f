package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;
import org.iin.csec.course.domain.participant.Nominee;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NomineeTest {

    @Test
    void aCompleteNomineeHasNoProblems() {
        assertThat(new Nominee("Ana", "García", "ana@example.org", "12.345.678", "Jueza", "Poder Judicial", 1).problems())
                .isEmpty();
    }

    @Test
    void listsEveryProblemWithItsField() {
        var problems = new Nominee(" ", null, "ana-at-example.org", "<script>", null, null, 0).problems();

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("firstName", "lastName", "email", "identityDocument", "rank");
        assertThat(problems.get(2).message()).isEqualTo("E-mail is not a valid address.");
    }

    @Test
    void refusesOverlongValues() {
        assertThat(new Nominee("A".repeat(101), "B", "a@b.co", null, null, "I".repeat(201), null).problems())
                .extracting(FieldProblem::field).containsExactly("firstName", "institution");
    }

    @Test
    void requireValidThrowsWithAllProblems() {
        assertThatThrownBy(() -> new Nominee(null, null, null, null, null, null, null).requireValid())
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).problems().size()).isEqualTo(3);
    }
}
