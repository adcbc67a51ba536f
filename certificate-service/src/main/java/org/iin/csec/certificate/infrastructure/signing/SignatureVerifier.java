package org.iin.csec.certificate.infrastructure.signing;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.TimestampConstants;
import org.iin.csec.certificate.application.signing.FieldSignature;
import org.iin.csec.certificate.application.signing.SignatureField;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.UnreadablePdfException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the signatures of a PDF: for each signature field, whether it is signed, by which certificate, when, and
 * whether the signature is intact and covers its whole revision; and whether the file was changed after the last
 * signature. A changed byte anywhere in a signed file makes some check fail. This says nothing about whether the
 * signer's certificate is trusted: callers compare it with the certificate registered for the signatory.
 * Thread-safe.
 */
public final class SignatureVerifier {

    /**
     * @throws UnreadablePdfException if the bytes are not a readable PDF
     */
    public SignatureReport verify(byte[] pdf) {
        try (PdfDocument document = open(pdf, pdf.length)) {
            SignatureUtil signatures = new SignatureUtil(document);
            List<String> signed = signatures.getSignatureNames();
            List<SignatureField> fields = new ArrayList<>();
            PdfAcroForm form = PdfFormCreator.getAcroForm(document, false);
            if (form != null) {
                for (Map.Entry<String, PdfFormField> entry : form.getAllFormFields().entrySet()) {
                    String name = entry.getKey();
                    if (!PdfName.Sig.equals(entry.getValue().getFormType())) {
                        continue;
                    }
                    Optional<FieldSignature> signature = signed.contains(name)
                            ? Optional.of(check(pdf, signatures, name))
                            : Optional.empty();
                    fields.add(new SignatureField(name, signature));
                }
            }
            boolean changedAfterLast = !signed.isEmpty()
                    && !coversWholeDocument(signatures, signed.get(signed.size() - 1));
            return new SignatureReport(fields, changedAfterLast);
        } catch (IOException | RuntimeException | AssertionError e) {
            // iText asserts on some malformed input when assertions are enabled (-ea, as in tests): same meaning
            throw new UnreadablePdfException("The file is not a readable PDF", e);
        }
    }

    private static FieldSignature check(byte[] pdf, SignatureUtil signatures, String name) {
        int revision = signatures.getRevision(name);
        boolean wholeDocument = coversWholeDocument(signatures, name);
        PdfSignature signature = signatures.getSignature(name);
        long[] byteRange = byteRange(signature);
        boolean wholeRevision = wholeDocument || coversItsRevision(pdf, name, byteRange);
        PdfPKCS7 container;
        try {
            container = signatures.readSignatureData(name);
        } catch (RuntimeException | AssertionError damaged) {
            return new FieldSignature(Optional.empty(), Optional.empty(), revision, wholeRevision, false,
                    wholeDocument);
        }
        boolean intact = verifiesQuietly(container) && SignatureValueBytes.untouched(pdf, byteRange);
        return new FieldSignature(Optional.ofNullable(container.getSigningCertificate()),
                signingTime(container), revision, wholeRevision, intact, wholeDocument);
    }

    private static boolean coversWholeDocument(SignatureUtil signatures, String name) {
        try {
            return signatures.signatureCoversWholeDocument(name);
        } catch (RuntimeException | AssertionError malformed) {
            return false;
        }
    }

    /**
     * Opens the file as it was when this signature was made (up to the end of its byte range) and checks there
     * that the signature covers everything but its own value.
     */
    private static boolean coversItsRevision(byte[] pdf, String name, long[] byteRange) {
        if (byteRange.length != 4) {
            return false;
        }
        long end = byteRange[2] + byteRange[3];
        if (byteRange[2] < 0 || byteRange[3] < 0 || end <= 0 || end > pdf.length) {
            return false;
        }
        try (PdfDocument revision = open(pdf, (int) end)) {
            return new SignatureUtil(revision).signatureCoversWholeDocument(name);
        } catch (IOException | RuntimeException | AssertionError e) {
            return false;
        }
    }

    private static long[] byteRange(PdfSignature signature) {
        try {
            return signature.getByteRange().toLongArray();
        } catch (RuntimeException | AssertionError malformed) {
            return new long[0];
        }
    }

    /** The signature matches the signed bytes and the certificate, and so does a time-stamp, if there is one. */
    private static boolean verifiesQuietly(PdfPKCS7 container) {
        try {
            return container.verifySignatureIntegrityAndAuthenticity()
                    && (container.getTimeStampTokenInfo() == null || container.verifyTimestampImprint());
        } catch (GeneralSecurityException | RuntimeException | AssertionError e) {
            return false;
        }
    }

    private static Optional<Instant> signingTime(PdfPKCS7 container) {
        Calendar date = container.getSignDate();
        return date == null || date == TimestampConstants.UNDEFINED_TIMESTAMP_DATE
                ? Optional.empty()
                : Optional.of(date.toInstant());
    }

    static PdfDocument open(byte[] pdf, int length) throws IOException {
        return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf, 0, length)));
    }

}
