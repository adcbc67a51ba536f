package org.iin.csec.certificate.interfaces.web;

import org.iin.csec.certificate.application.VerificationService.PublicStatus;
import org.iin.csec.certificate.application.VerificationService.SignatureCheck;
import org.iin.csec.certificate.application.VerificationService.Verification;
import org.iin.csec.certificate.domain.certificate.RevocationCategory;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationPageTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void everyTextFromDataIsEscaped() {
        String html = VerificationPage.of(verification("<script>alert(1)</script>", "Curso \"A\" & 'B'",
                PublicStatus.VALID, null), SPANISH);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Curso &quot;A&quot; &amp; &#39;B&#39;");
    }

    @Test
    void saysWhetherTheCertificateIsValidAndEachSignatureIntactInSpanishOrEnglish() {
        Verification valid = verification("Ana García", "Curso", PublicStatus.VALID, null);

        assertThat(VerificationPage.of(valid, SPANISH)).contains("Certificado válido", "Ana García",
                "Firma íntegra", "2027-1/AR/0001", "lang=\"es\"", "viewport");
        assertThat(VerificationPage.of(valid, Locale.ENGLISH)).contains("Valid certificate", "Signature intact",
                "lang=\"en\"");
    }

    @Test
    void aRevokedCertificateShowsTheDateAndThePublicCategoryOnly() {
        String html = VerificationPage.of(verification("Ana García", "Curso", PublicStatus.REVOKED,
                Instant.parse("2027-07-01T10:00:00Z")), Locale.ENGLISH);

        assertThat(html).contains("Revoked certificate", "Revoked on July 1, 2027",
                "the participant’s result was corrected");
    }

    @Test
    void theLanguageIsTheFirstOfSpanishAndEnglishTheReaderAccepts() {
        assertThat(VerificationPage.language(List.of(Locale.FRENCH, Locale.ENGLISH, SPANISH))).isEqualTo(Locale.ENGLISH);
        assertThat(VerificationPage.language(List.of(Locale.forLanguageTag("es-AR")))).isEqualTo(SPANISH);
        assertThat(VerificationPage.language(List.of(Locale.forLanguageTag("pt-BR")))).isEqualTo(SPANISH);
        assertThat(VerificationPage.language(List.of())).isEqualTo(SPANISH);
    }

    @Test
    void theNotFoundPageIsTheSameWhateverWasTyped() {
        assertThat(VerificationPage.notFound(SPANISH)).contains("Certificado no encontrado")
                .isEqualTo(VerificationPage.notFound(SPANISH));
        assertThat(VerificationPage.tooManyRequests(Locale.ENGLISH)).contains("Too many requests");
    }

    @Test
    void withoutACodeThePageIsAFormWithALabelledFieldThatNeverRepeatsWhatWasTyped() {
        String form = VerificationPage.form(SPANISH, "/certificates/verify/", false);

        assertThat(form).contains("<form method=\"get\" action=\"/certificates/verify/\">",
                        "<label for=\"code\">Código de verificación</label>", "id=\"code\" name=\"code\"",
                        "required", ">Verificar</button>", "viewport")
                .doesNotContain("aria-invalid=\"true\"", "<script");
        String again = VerificationPage.form(Locale.ENGLISH, "/certificates/verify/", true);
        assertThat(again).contains("This is not a verification code", "role=\"alert\"", "aria-invalid=\"true\"",
                "lang=\"en\"").isEqualTo(VerificationPage.form(Locale.ENGLISH, "/certificates/verify/", true));
    }

    @Test
    void everyPageLinksToTheOtherLanguageAndAResultToTypingAnotherCode() {
        String valid = VerificationPage.of(verification("Ana García", "Curso", PublicStatus.VALID, null), SPANISH);

        assertThat(valid).contains("<a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a>",
                "aria-current=\"page\">Español</strong>", "<a href=\"./?lang=es\">Verificar otro certificado</a>");
        assertThat(VerificationPage.notFound(Locale.ENGLISH)).contains("<a href=\"?lang=es\"",
                "Verify another certificate");
        assertThat(VerificationPage.form(Locale.ENGLISH, "/c/verify/", false)).contains("href=\"/c/verify/?lang=es\"");
        assertThat(VerificationPage.supported("EN")).isEqualTo(Locale.ENGLISH);
        assertThat(VerificationPage.supported("es")).isEqualTo(SPANISH);
        assertThat(VerificationPage.supported("fr")).isNull();
    }

    @Test
    void aTypedCodeIsReadAsAPersonTypesIt() {
        assertThat(VerifyAddress.canonical(" 7k3m q9tx 2fhd 8wna ")).isEqualTo("7K3M-Q9TX-2FHD-8WNA");
        assertThat(VerifyAddress.canonical("7K3MQ9TX2FHD8WNA")).isEqualTo("7K3M-Q9TX-2FHD-8WNA");
        assertThat(VerifyAddress.canonical("<b>x</b>")).isNull();
        assertThat(VerifyAddress.canonical("7K3M-Q9TX")).isNull();
    }

    private static Verification verification(String holder, String title, PublicStatus status, Instant revokedAt) {
        return new Verification("7K3M-Q9TX-2FHD-8WNA", "2027-1/AR/0001", status, holder, "2027-1", title, "AR",
                "Argentina", LocalDate.of(2027, 6, 20), revokedAt,
                revokedAt == null ? null : RevocationCategory.NO_LONGER_ELIGIBLE,
                List.of(new SignatureCheck(SignerRole.IIN, true, "Ana Lucía Gonçalves",
                                Instant.parse("2027-06-21T09:00:00Z"), true),
                        new SignatureCheck(SignerRole.STATE, true, "Joaquín Ibáñez",
                                Instant.parse("2027-06-22T09:00:00Z"), true)),
                "es");
    }
}
