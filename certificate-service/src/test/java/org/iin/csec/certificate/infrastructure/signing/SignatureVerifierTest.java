package org.iin.csec.certificate.infrastructure.signing;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import org.iin.csec.certificate.application.signing.FieldSignature;
import org.iin.csec.certificate.application.signing.SignatureField;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.UnreadablePdfException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.prepared;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.signAsCourseLeader;
import static org.iin.csec.certificate.infrastructure.signing.SigningFixtures.signAsStateSignatory;

class SignatureVerifierTest {

    private static byte[] signed;
    private final SignatureVerifier verifier = new SignatureVerifier();

    @BeforeAll
    static void signOnce() {
        signed = signAsStateSignatory(signAsCourseLeader(prepared()));
    }

    @Test
    void aPreparedCertificateHasTwoEmptyFieldsAndNothingBroken() {
        SignatureReport report = verifier.verify(prepared());

        assertThat(report.fields()).extracting(SignatureField::name).containsExactly("iin", "state");
        assertThat(report.fields()).noneMatch(SignatureField::isSigned);
        assertThat(report.isIntact()).isTrue();
        assertThat(report.isFullySigned()).isFalse();
    }

    @Test
    void aHalfSignedCertificateIsIntactButNotFullySigned() {
        SignatureReport report = verifier.verify(signAsCourseLeader(prepared()));

        assertThat(report.field("iin").orElseThrow().isSigned()).isTrue();
        assertThat(report.field("state").orElseThrow().isSigned()).isFalse();
        assertThat(report.isIntact()).isTrue();
        assertThat(report.isFullySigned()).isFalse();
    }

    @Test
    void aChangedByteAnywhereMakesVerificationFail() throws Exception {
        assertThat(fullySignedAndIntact(signed)).isTrue();

        List<Integer> failedToNotice = new ArrayList<>();
        for (int position : positionsToChange()) {
            byte[] tampered = signed.clone();
            tampered[position] ^= 0x01;
            if (fullySignedAndIntact(tampered)) {
                failedToNotice.add(position);
            }
        }

        assertThat(failedToNotice).as("positions where a changed byte went unnoticed").isEmpty();
    }

    /**
     * The last signature's value is the one part of the file that no signature covers, and CMS containers have
     * parts their own signature does not cover either: every byte of it is tried.
     */
    @Test
    void aChangedByteAnywhereInTheLastSignatureValueIsNoticed() throws Exception {
        long[] last = byteRanges().get(1);
        int containerHexEnd = (int) last[1] + 1 + 2 * containerLength(last);

        List<Integer> failedToNotice = new ArrayList<>();
        for (int position = (int) last[1]; position < containerHexEnd + 8; position++) {
            byte[] tampered = signed.clone();
            tampered[position] ^= 0x01;
            if (fullySignedAndIntact(tampered)) {
                failedToNotice.add(position);
            }
        }

        assertThat(failedToNotice).as("positions where a changed byte went unnoticed").isEmpty();
    }

    @Test
    void aHexDigitWrittenInTheOtherCaseInsideASignatureValueIsNoticed() throws Exception {
        for (long[] range : byteRanges()) {
            byte[] tampered = signed.clone();
            int letter = (int) range[1] + 1;
            while (!Character.isLetter(tampered[letter])) {
                letter++;
            }
            tampered[letter] ^= 0x20;

            assertThat(fullySignedAndIntact(tampered)).as("case of byte %d flipped", letter).isFalse();
        }
    }

    @Test
    void popplerAlsoRejectsAChangedByte() {
        byte[] tampered = signed.clone();
        tampered[signed.length / 4] ^= 0x01;

        Map<String, String> pdfsig = SigningFixtures.pdfsig("signed-tampered.pdf", tampered);

        assertThat(pdfsig.values()).isNotEmpty()
                .allSatisfy(block -> assertThat(block).doesNotContain("Signature is Valid."));
    }

    @Test
    void bytesAddedAfterTheLastSignatureAreReported() {
        byte[] appended = SigningFixtures.appendUpdate(signed, document -> document.getDocumentInfo().setTitle("x"));

        SignatureReport report = verifier.verify(appended);

        assertThat(report.changedAfterLastSignature()).isTrue();
        assertThat(report.signatures()).allMatch(FieldSignature::isValid);
        assertThat(report.isIntact()).isFalse();
        assertThat(report.isFullySigned()).isFalse();
    }

    @Test
    void somethingThatIsNotAPdfIsUnreadable() {
        assertThatThrownBy(() -> verifier.verify("%PDF-1.7 nothing else".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UnreadablePdfException.class);
    }

    /**
     * About 400 bytes spread over the whole file, and every boundary of what the signatures cover: the first and
     * last bytes of each signed range and of each signature value, inside the value's ASN.1 data and in its zero
     * padding.
     */
    private static TreeSet<Integer> positionsToChange() throws Exception {
        TreeSet<Integer> positions = new TreeSet<>();
        int step = signed.length / 400;
        for (int position = 0; position < signed.length; position += step) {
            positions.add(position);
        }
        positions.add(signed.length - 1);
        for (long[] range : byteRanges()) {
            int gapStart = (int) range[1];
            int gapEnd = (int) range[2];
            positions.addAll(List.of(gapStart - 1, gapStart, gapStart + 1, gapStart + 2, gapStart + 200,
                    (gapStart + gapEnd) / 2, gapEnd - 3, gapEnd - 2, gapEnd - 1, gapEnd,
                    (int) (range[2] + range[3] - 1)));
        }
        return positions;
    }

    private static List<long[]> byteRanges() throws Exception {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
            SignatureUtil signatures = new SignatureUtil(document);
            return signatures.getSignatureNames().stream()
                    .map(name -> signatures.getSignature(name).getByteRange().toLongArray())
                    .toList();
        }
    }

    /** Length of the DER container at the start of a signature value (its zero padding excluded). */
    private static int containerLength(long[] byteRange) {
        int at = (int) byteRange[1] + 1;
        int lengthByte = hexByte(at + 2);
        if (lengthByte < 0x80) {
            return 2 + lengthByte;
        }
        int count = lengthByte & 0x7F;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = length << 8 | hexByte(at + 4 + 2 * i);
        }
        return 2 + count + length;
    }

    private static int hexByte(int at) {
        return Integer.parseInt(new String(signed, at, 2, StandardCharsets.US_ASCII), 16);
    }

    private boolean fullySignedAndIntact(byte[] pdf) {
        try {
            return verifier.verify(pdf).isFullySigned();
        } catch (UnreadablePdfException e) {
            return false;
        }
    }
}
