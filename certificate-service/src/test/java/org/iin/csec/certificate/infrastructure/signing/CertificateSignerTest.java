package org.iin.csec.certificate.infrastructure.signing;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import org.iin.csec.certificate.application.signing.FieldSignature;
import org.iin.csec.certificate.application.signing.SignatureField;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.application.signing.UnreadablePdfException;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.prepared;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.signAsCourseLeader;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.signAsStateSignatory;

class CertificateSignerTest {

    private final SignatureVerifier verifier = new SignatureVerifier();

    @Test
    void bothSignaturesVerifyWithIText() {
        byte[] signed = signAsStateSignatory(signAsCourseLeader(prepared()));

        SignatureReport report = verifier.verify(signed);

        assertThat(report.isFullySigned()).isTrue();
        FieldSignature iin = report.field("iin").flatMap(SignatureField::signature).orElseThrow();
        FieldSignature state = report.field("state").flatMap(SignatureField::signature).orElseThrow();
        assertThat(iin.signerCertificate()).contains(TestCredentials.courseLeader().certificate());
        assertThat(iin.signerCommonName()).contains("Ana Lucía Gonçalves");
        assertThat(iin.signingTime()).contains(SigningFixtures.SIGNING_TIME);
        assertThat(iin.revision()).isEqualTo(1);
        assertThat(iin.isValid()).isTrue();
        assertThat(iin.coversWholeDocument()).as("the state signature came after").isFalse();
        assertThat(state.signerCertificate()).contains(TestCredentials.stateSignatory().certificate());
        assertThat(state.revision()).isEqualTo(2);
        assertThat(state.isValid()).isTrue();
        assertThat(state.coversWholeDocument()).isTrue();
    }

    @Test
    void bothSignaturesVerifyWithPopplersPdfsig() {
        byte[] signed = signAsStateSignatory(signAsCourseLeader(prepared()));

        Map<String, String> pdfsig = SigningFixtures.pdfsig("signed-iin-then-state.pdf", signed);

        assertThat(pdfsig).containsOnlyKeys("iin", "state");
        assertThat(pdfsig.values()).allSatisfy(block -> assertThat(block).contains(
                "Signature Validation: Signature is Valid.",
                "Signing Hash Algorithm: SHA-256",
                "Signature Type: ETSI.CAdES.detached"));
        assertThat(pdfsig.get("iin")).contains("Signer Certificate Common Name: Ana Lucía Gonçalves");
        assertThat(pdfsig.get("state")).contains("Signer Certificate Common Name: Joaquín Ibáñez",
                "Total document signed");
    }

    @Test
    void theStateMaySignFirst() {
        byte[] signed = signAsCourseLeader(signAsStateSignatory(prepared()));

        Map<String, String> pdfsig = SigningFixtures.pdfsig("signed-state-then-iin.pdf", signed);
        SignatureReport report = verifier.verify(signed);

        assertThat(report.isFullySigned()).isTrue();
        assertThat(report.field("state").flatMap(SignatureField::signature).orElseThrow().revision()).isEqualTo(1);
        assertThat(pdfsig.values()).hasSize(2)
                .allSatisfy(block -> assertThat(block).contains("Signature Validation: Signature is Valid."));
    }

    @Test
    void aSignatureShowsTheSignersNameTitleAndTimeInItsField() {
        byte[] signed = signAsCourseLeader(prepared());

        Map<String, String> shown = SigningFixtures.appearanceTexts(signed);

        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(SigningFixtures.SIGNING_TIME);
        assertThat(shown.get("iin")).contains("Ana Lucía Gonçalves", "Coordinadora del curso", time);
        assertThat(shown.get("state")).as("the other field stays empty").isEmpty();
    }

    @Test
    void signsWithSha256InAPadesContainer() throws Exception {
        byte[] signed = signAsCourseLeader(prepared());

        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
            SignatureUtil signatures = new SignatureUtil(document);
            PdfPKCS7 container = signatures.readSignatureData("iin");
            assertThat(container.getDigestAlgorithmName()).isEqualTo("SHA256");
            assertThat(signatures.getSignature("iin").getSubFilter()).isEqualTo(PdfName.ETSI_CAdES_DETACHED);
        }
    }

    @Test
    void appendsToTheFileSoTheFirstSignedRevisionIsKeptByteForByte() {
        byte[] prepared = prepared();
        byte[] once = signAsCourseLeader(prepared);
        byte[] twice = signAsStateSignatory(once);

        assertThat(once).startsWith(prepared);
        assertThat(twice).startsWith(once);
    }

    @Test
    void refusesAFieldThatDoesNotExistOrIsAlreadySigned() {
        byte[] signed = signAsCourseLeader(prepared());

        assertThatThrownBy(() -> SigningFixtures.sign(signed, SignerRole.IIN, TestCredentials.courseLeader(),
                SigningFixtures.COURSE_LEADER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already signed");
        try (SigningCredential credential = TestCredentials.courseLeader().unlock()) {
            assertThatThrownBy(() -> SigningFixtures.SIGNER.sign(signed, "witness", credential,
                    SigningFixtures.COURSE_LEADER))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no signature field 'witness'");
        }
    }

    @Test
    void refusesToSignSomethingThatIsNotAPdf() {
        try (SigningCredential credential = TestCredentials.courseLeader().unlock()) {
            assertThatThrownBy(() -> SigningFixtures.SIGNER.sign("not a PDF".getBytes(), "iin", credential,
                    SigningFixtures.COURSE_LEADER))
                    .isInstanceOf(UnreadablePdfException.class);
        }
    }
}
