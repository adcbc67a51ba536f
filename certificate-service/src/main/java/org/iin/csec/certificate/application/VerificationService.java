package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.application.signing.FieldSignature;
import org.iin.csec.certificate.application.signing.PdfSignatures;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.UnreadablePdfException;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.certificate.RevocationCategory;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Public verification from a certificate's code (DESIGN §5): valid or revoked, the holder's name, the edition, the
 * state, the issue date and each signature, checked on the stored file. Nothing else personal: no e-mail, no
 * participant id, no internal revocation reason. A malformed code is looked up like a well-formed unknown one,
 * so both take the same time and get the same answer.
 */
@ApplicationScoped
public class VerificationService {

    /** Looked up in place of a malformed code: well-formed, and never issued (1 chance in 2^80). */
    private static final VerificationCode DECOY_CODE = VerificationCode.parse("0000-0000-0000-0000");

    @Inject
    PdfSignatures signatures;

    @Inject
    CertificateRepository certificates;

    /** What the public may know about a certificate. */
    public record Verification(String verificationCode, String number, PublicStatus status, String holderName,
                               String editionCode, String editionTitle, String stateCode, String stateName,
                               LocalDate issueDate, Instant revokedAt, RevocationCategory revocationCategory,
                               List<SignatureCheck> signatures, String language) {

        public boolean valid() {
            return status == PublicStatus.VALID;
        }
    }

    /**
     * One party's signature as found in the stored file.
     *
     * @param signer   the name in the signing certificate, or the printed signatory's when the file has none
     * @param signedAt the time the signer claims; null when not signed
     * @param intact   the signature is present, unchanged and covers its whole revision
     */
    public record SignatureCheck(SignerRole party, boolean present, String signer, Instant signedAt,
                                 boolean intact) {
    }

    public enum PublicStatus {
        /** Signed by both parties, both signatures intact, not revoked. */
        VALID,
        /** Revoked: see the date and category. */
        REVOKED,
        /** Issued, still waiting for one or both signatures: not yet a valid certificate. */
        AWAITING_SIGNATURES,
        /** Recorded as signed, but the stored file's signatures do not verify. */
        SIGNATURES_BROKEN
    }

    @Transactional
    public Optional<Verification> verify(String code) {
        VerificationCode canonical;
        try {
            canonical = VerificationCode.parse(code);
        } catch (IllegalArgumentException malformed) {
            canonical = null;
        }
        Optional<Certificate> found = certificates.findByVerificationCode(canonical == null ? DECOY_CODE : canonical);
        if (canonical == null || found.isEmpty()) {
            return Optional.empty();
        }
        Certificate certificate = found.get();
        SignatureReport report = report(certificates.files(certificate.id()).current());
        List<SignatureCheck> signatures = new ArrayList<>();
        for (SignerRole party : SignerRole.values()) {
            Optional<FieldSignature> signature = report == null ? Optional.empty()
                    : report.field(party.fieldName()).flatMap(f -> f.signature());
            String printed = certificate.signatory(party).name();
            signatures.add(signature
                    .map(s -> new SignatureCheck(party, true, s.signerCommonName().orElse(printed),
                            s.signingTime().orElse(null), s.isValid()))
                    .orElse(new SignatureCheck(party, false, printed, null, false)));
        }
        return Optional.of(new Verification(certificate.verificationCode().toString(), certificate.number(),
                status(certificate, report), certificate.holderName(), certificate.editionCode(),
                certificate.content().editionTitle(), certificate.stateCode(), certificate.content().stateName(),
                certificate.content().issueDate(), certificate.revokedAt(), certificate.revocationCategory(),
                signatures, certificate.content().language()));
    }

    private static PublicStatus status(Certificate certificate, SignatureReport report) {
        if (certificate.status() == CertificateStatus.REVOKED) {
            return PublicStatus.REVOKED;
        }
        if (certificate.status() == CertificateStatus.ISSUED) {
            return PublicStatus.AWAITING_SIGNATURES;
        }
        return report != null && report.isFullySigned() ? PublicStatus.VALID : PublicStatus.SIGNATURES_BROKEN;
    }

    private SignatureReport report(byte[] pdf) {
        try {
            return signatures.verify(pdf);
        } catch (UnreadablePdfException e) {
            return null;
        }
    }
}
