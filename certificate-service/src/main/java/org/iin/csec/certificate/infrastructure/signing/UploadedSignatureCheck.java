package org.iin.csec.certificate.infrastructure.signing;

import org.iin.csec.certificate.application.signing.FieldSignature;
import org.iin.csec.certificate.application.signing.SignatureField;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.UnreadablePdfException;
import org.iin.csec.certificate.application.signing.UploadVerdict.Outcome;
import org.iin.csec.certificate.application.signing.UploadVerdict;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a PDF that a signatory downloaded, signed elsewhere (e.g. with a national digital ID) and
 * uploaded may replace the stored certificate. It is accepted only if it is the stored file, byte for byte, with
 * an incremental update appended that adds one intact signature, made with the signatory's registered
 * certificate, in the signatory's field, and changes nothing else. Thread-safe.
 */
public final class UploadedSignatureCheck {

    private final SignatureVerifier verifier = new SignatureVerifier();

    /**
     * @param prepared              the stored PDF the signatory downloaded (possibly already signed by the other party)
     * @param uploaded              the PDF the signatory sent back
     * @param fieldName             the signatory's signature field, empty in {@code prepared}
     * @param registeredCertificate the certificate registered for the signatory
     * @throws IllegalArgumentException if {@code prepared} has no empty signature field {@code fieldName}
     */
    public UploadVerdict check(byte[] prepared, byte[] uploaded, String fieldName,
                               X509Certificate registeredCertificate) {
        SignatureReport before = verifier.verify(prepared);
        SignatureField expected = before.field(fieldName).orElseThrow(() ->
                new IllegalArgumentException("The prepared PDF has no signature field '" + fieldName + "'"));
        if (expected.isSigned()) {
            throw new IllegalArgumentException("Field '" + fieldName + "' is already signed in the prepared PDF");
        }
        SignatureReport after;
        try {
            after = verifier.verify(uploaded);
        } catch (UnreadablePdfException e) {
            return refuse(Outcome.NOT_A_PDF, "The uploaded file is not a readable PDF.");
        }
        if (Arrays.equals(prepared, uploaded)) {
            return refuse(Outcome.NO_NEW_SIGNATURE, "The uploaded file is the prepared certificate, not signed.");
        }
        if (uploaded.length < prepared.length
                || !Arrays.equals(prepared, 0, prepared.length, uploaded, 0, prepared.length)) {
            return refuse(Outcome.ORIGINAL_CHANGED, "The uploaded file is not the prepared certificate with a "
                    + "signature added: the original part was changed, re-saved or replaced. Sign the downloaded "
                    + "file as it is, without editing or printing it to PDF.");
        }

        List<String> newlySigned = after.fields().stream()
                .filter(SignatureField::isSigned)
                .map(SignatureField::name)
                .filter(name -> before.field(name).map(field -> !field.isSigned()).orElse(true))
                .toList();
        if (newlySigned.isEmpty()) {
            return refuse(Outcome.NO_NEW_SIGNATURE, "The uploaded file has no new signature.");
        }
        if (!newlySigned.contains(fieldName)) {
            return refuse(Outcome.WRONG_FIELD, "The file was signed in field '" + newlySigned.get(0)
                    + "', not in the signatory's field '" + fieldName + "'.");
        }
        if (newlySigned.size() > 1) {
            return refuse(Outcome.UNEXPECTED_CHANGES, "Besides field '" + fieldName + "', the upload also signs "
                    + newlySigned.stream().filter(name -> !name.equals(fieldName)).toList() + ".");
        }
        FieldSignature signature = after.field(fieldName).flatMap(SignatureField::signature).orElseThrow();
        if (!signature.isValid()) {
            return refuse(Outcome.SIGNATURE_INVALID, "The signature in field '" + fieldName
                    + "' is damaged, or leaves part of the signed file uncovered.");
        }
        if (!signature.coversWholeDocument() || after.changedAfterLastSignature()) {
            return refuse(Outcome.CHANGED_AFTER_SIGNING, "The file was changed after it was signed.");
        }
        Optional<X509Certificate> signer = signature.signerCertificate();
        if (signer.isEmpty() || !signer.get().equals(registeredCertificate)) {
            return refuse(Outcome.WRONG_SIGNER, "The signature was made with the certificate of '"
                    + signature.signerCommonName().orElse("an unknown signer") + "', not with the certificate "
                    + "registered for this signatory.");
        }
        Optional<String> otherChange;
        try {
            otherChange = IncrementalUpdateInspector.changeOtherThanSigning(prepared, uploaded, fieldName);
        } catch (IOException | RuntimeException | AssertionError e) {
            return refuse(Outcome.NOT_A_PDF, "The uploaded file is not a readable PDF.");
        }
        if (otherChange.isPresent()) {
            return refuse(Outcome.UNEXPECTED_CHANGES,
                    "Besides the signature, the upload changed the document: " + otherChange.get() + ".");
        }
        return new UploadVerdict(Outcome.ACCEPTED, "Signature in field '" + fieldName + "' by '"
                + signature.signerCommonName().orElse("the registered signatory") + "' accepted.");
    }

    private static UploadVerdict refuse(Outcome outcome, String message) {
        return new UploadVerdict(outcome, message);
    }
}
