package org.iin.csec.certificate.infrastructure.signing;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import org.iin.csec.certificate.application.signing.UploadVerdict.Outcome;
import org.iin.csec.certificate.application.signing.UploadVerdict;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.infrastructure.pdf.CertificateStyle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.prepared;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.signAsCourseLeader;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.signAsStateSignatory;

class UploadedSignatureCheckTest {

    private final UploadedSignatureCheck check = new UploadedSignatureCheck();
    private final byte[] prepared = prepared();

    @Test
    void acceptsTheCourseLeadersSignatureMadeElsewhere() {
        UploadVerdict verdict = checkCourseLeader(signAsCourseLeader(prepared));

        assertThat(verdict.accepted()).as(verdict.message()).isTrue();
        assertThat(verdict.message()).contains("Ana Lucía Gonçalves");
    }

    @Test
    void acceptsTheSecondSignatureOverTheFirst() {
        byte[] stored = signAsCourseLeader(prepared);

        UploadVerdict verdict = check.check(stored, signAsStateSignatory(stored), "state",
                TestCredentials.stateSignatory().certificate());

        assertThat(verdict.outcome()).as(verdict.message()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void refusesASignatureMadeWithAnotherKeyEvenUnderTheSameName() {
        TestCredentials impostor = TestCredentials.create("Ana Lucía Gonçalves", "IIN");

        UploadVerdict verdict = checkCourseLeader(SigningFixtures.sign(prepared, SignerRole.IIN, impostor,
                SigningFixtures.COURSE_LEADER));

        assertThat(verdict.outcome()).isEqualTo(Outcome.WRONG_SIGNER);
        assertThat(verdict.message()).contains("not with the certificate registered");
    }

    @Test
    void refusesASignatureInTheOtherField() {
        UploadVerdict verdict = checkCourseLeader(SigningFixtures.sign(prepared, SignerRole.STATE,
                TestCredentials.courseLeader(), SigningFixtures.COURSE_LEADER));

        assertThat(verdict.outcome()).isEqualTo(Outcome.WRONG_FIELD);
        assertThat(verdict.message()).contains("'state'", "'iin'");
    }

    @Test
    void refusesASignedDocumentWhoseOriginalPartWasModified() {
        byte[] modified = prepared.clone();
        modified[modified.length / 3] ^= 0x01;

        UploadVerdict verdict = checkCourseLeader(signAsCourseLeader(modified));

        assertThat(verdict.outcome()).isEqualTo(Outcome.ORIGINAL_CHANGED);
    }

    @Test
    void refusesADocumentRewrittenInsteadOfAppendedTo() throws Exception {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        new PdfDocument(new PdfReader(new ByteArrayInputStream(prepared)), new PdfWriter(rewritten)).close();

        UploadVerdict verdict = checkCourseLeader(signAsCourseLeader(rewritten.toByteArray()));

        assertThat(verdict.outcome()).isEqualTo(Outcome.ORIGINAL_CHANGED);
    }

    @Test
    void refusesContentAddedToThePageBeforeSigning() {
        byte[] edited = SigningFixtures.appendUpdate(prepared, document -> new PdfCanvas(document.getPage(1))
                .beginText().setFontAndSize(CertificateStyle.boldFont(), 40).moveText(300, 300)
                .showText("120 → 1200 horas").endText());

        UploadVerdict verdict = checkCourseLeader(signAsCourseLeader(edited));

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNEXPECTED_CHANGES);
        assertThat(verdict.message()).contains("Page");
    }

    @Test
    void refusesAnUploadThatSignsBothFields() {
        UploadVerdict verdict = checkCourseLeader(signAsStateSignatory(signAsCourseLeader(prepared)));

        assertThat(verdict.outcome()).isEqualTo(Outcome.UNEXPECTED_CHANGES);
        assertThat(verdict.message()).contains("also signs [state]");
    }

    @Test
    void refusesChangesAppendedAfterTheSignature() {
        byte[] changed = SigningFixtures.appendUpdate(signAsCourseLeader(prepared),
                document -> document.getDocumentInfo().setTitle("Certificado falso"));

        assertThat(checkCourseLeader(changed).outcome()).isEqualTo(Outcome.CHANGED_AFTER_SIGNING);
    }

    @Test
    void refusesADamagedSignature() {
        byte[] upload = signAsCourseLeader(prepared);
        int signatureValue = indexOf(upload, "/Contents <".getBytes(StandardCharsets.US_ASCII), prepared.length);
        int inTheSignedAttributes = signatureValue + "/Contents <".length() + 300;
        upload[inTheSignedAttributes] = (byte) (upload[inTheSignedAttributes] == '0' ? '1' : '0');

        assertThat(checkCourseLeader(upload).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
    }

    @Test
    void refusesAnUploadWithoutANewSignature() {
        byte[] resaved = SigningFixtures.appendUpdate(prepared, document -> document.getDocumentInfo().setTitle("x"));

        assertThat(checkCourseLeader(prepared).outcome()).isEqualTo(Outcome.NO_NEW_SIGNATURE);
        assertThat(checkCourseLeader(resaved).outcome()).isEqualTo(Outcome.NO_NEW_SIGNATURE);
    }

    @Test
    void refusesAFileThatIsNotAPdf() {
        byte[] picture = "GIF89a a picture of a signature".getBytes(StandardCharsets.US_ASCII);

        UploadVerdict verdict = checkCourseLeader(picture);

        assertThat(verdict.outcome()).isEqualTo(Outcome.NOT_A_PDF);
        assertThat(verdict.accepted()).isFalse();
    }

    @Test
    void theCallerMustNameAnEmptyFieldOfThePreparedFile() {
        byte[] signedByIin = signAsCourseLeader(prepared);

        assertThatThrownBy(() -> check.check(prepared, prepared, "witness",
                TestCredentials.courseLeader().certificate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> check.check(signedByIin, signedByIin, "iin",
                TestCredentials.courseLeader().certificate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already signed");
    }

    private UploadVerdict checkCourseLeader(byte[] upload) {
        return check.check(prepared, upload, "iin", TestCredentials.courseLeader().certificate());
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
