package org.iin.csec.certificate.infrastructure.pdf;

import org.iin.csec.certificate.application.document.CertificateContent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateContentTest {

    @Test
    void requiresTheHolderName() {
        assertThatThrownBy(() -> SampleCertificates.withHolder("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holderName");
    }

    @Test
    void refusesNamesLongerThanTheLayoutIsProvenToFit() {
        String tooLong = "x".repeat(CertificateContent.MAX_NAME_LENGTH + 1);

        assertThatThrownBy(() -> SampleCertificates.withHolder(tooLong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
    }

    @Test
    void requiresAnIsoAlpha2StateCode() {
        assertThatThrownBy(() -> new CertificateContent.State("ARG", "Argentina"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> new CertificateContent.State("ar", "Argentina"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAStageThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new CertificateContent.DateRange(LocalDate.of(2027, 5, 14), LocalDate.of(2027, 5, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    }
}
