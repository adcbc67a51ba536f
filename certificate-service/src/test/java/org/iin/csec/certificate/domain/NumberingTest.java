package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.certificate.CertificateNumber;
import org.iin.csec.certificate.domain.certificate.NumberSequence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberingTest {

    @Test
    void numbersNameTheEditionTheStateAndAFourDigitSequence() {
        assertThat(CertificateNumber.format("2027-1", "AR", 7)).isEqualTo("2027-1/AR/0007");
        assertThat(CertificateNumber.format("2027-1", "UY", 12345)).isEqualTo("2027-1/UY/12345");
        assertThatThrownBy(() -> CertificateNumber.format("2027-1", "AR", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSequenceCountsFromOneWithoutGaps() {
        NumberSequence sequence = new NumberSequence("2027-1", "AR");

        assertThat(sequence.key()).isEqualTo("2027-1/AR");
        assertThat(sequence.next()).isEqualTo(1);
        assertThat(sequence.next()).isEqualTo(2);
        assertThat(sequence.next()).isEqualTo(3);
        assertThat(sequence.lastValue()).isEqualTo(3);
    }
}
