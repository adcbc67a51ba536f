package org.iin.csec.certificate.infrastructure.pdf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisualOrderTest {

    @Test
    void leavesLeftToRightTextAsItIs() {
        String spanish = "María José Peña Araújo (edición 2027-1)";

        assertThat(VisualOrder.of(spanish)).isSameAs(spanish);
    }

    @Test
    void drawsHebrewFromRightToLeft() {
        assertThat(VisualOrder.of("דוד כהן")).isEqualTo("ןהכ דוד");
    }

    @Test
    void reversesOnlyTheRightToLeftRunInsideASpanishSentence() {
        assertThat(VisualOrder.of("Etapa presencial en ישראל: del 10 de mayo"))
                .isEqualTo("Etapa presencial en לארשי: del 10 de mayo");
    }

    @Test
    void keepsNumbersLeftToRightAndMirrorsBracketsInRightToLeftText() {
        assertThat(VisualOrder.of("(שנת 2027)")).isEqualTo("(2027 תנש)");
    }
}
