package org.iin.csec.certificate.domain.certificate;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iin.csec.chassis.domain.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One participant's certificate for one edition. Knows its allowed transitions (DESIGN §2): ISSUED, signed by the
 * IIN and by the state in either order, SIGNED once both signatures are present and valid, DELIVERED once the
 * learner was sent it, REVOKED (with a reason) from any status. A participant has at most one live (not revoked)
 * certificate per edition; a reissue revokes the old one and points both ways, so the history stays readable.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

    /** Longest revocation reason kept. */
    public static final int MAX_REASON_LENGTH = 500;
    /** The reason recorded when course-service reports a participant who is no longer eligible. */
    public static final String NO_LONGER_ELIGIBLE = "No longer eligible (corrected result)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "edition_code", nullable = false, updatable = false)
    private String editionCode;

    /** course-service's participant id: one person in one edition. */
    @Column(name = "participant_id", nullable = false, updatable = false)
    private long participantId;

    @Column(name = "state_code", nullable = false, updatable = false)
    private String stateCode;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "verification_code", nullable = false, updatable = false)
    private VerificationCode verificationCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CertificateStatus status;

    /**
     * TRUE while not revoked, NULL once revoked: a unique key on (edition, participant, live) lets the database
     * itself refuse a second live certificate, even from two requests at the same instant.
     */
    @Column
    private Boolean live;

    /** Where the signed PDF is sent; not printed, never shown publicly. */
    @Column(name = "holder_email", nullable = false)
    private String holderEmail;

    @Embedded
    private PrintedContent content;

    /** The edition's language as course-service asked for it; the printed language may differ (see languageNote). */
    @Column(name = "requested_language", nullable = false, updatable = false)
    private String requestedLanguage;

    /** Why the certificate is printed in another language than asked for; null when it is not. */
    @Column(name = "language_note")
    private String languageNote;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Embedded
    @AttributeOverride(name = "signedAt", column = @Column(name = "iin_signed_at"))
    @AttributeOverride(name = "signedBy", column = @Column(name = "iin_signed_by"))
    @AttributeOverride(name = "method", column = @Column(name = "iin_signed_how"))
    private PartySignature iinSignature;

    @Embedded
    @AttributeOverride(name = "signedAt", column = @Column(name = "state_signed_at"))
    @AttributeOverride(name = "signedBy", column = @Column(name = "state_signed_by"))
    @AttributeOverride(name = "method", column = @Column(name = "state_signed_how"))
    private PartySignature stateSignature;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revocation_reason")
    private String revocationReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_category")
    private RevocationCategory revocationCategory;

    /** A correction made the participant ineligible after both had signed: the course leader decides. */
    @Column(name = "revocation_requested", nullable = false)
    private boolean revocationRequested;

    @Column(name = "revocation_requested_at")
    private Instant revocationRequestedAt;

    @Column(name = "replaces_id", updatable = false)
    private Long replacesId;

    @Column(name = "replaced_by_id")
    private Long replacedById;

    @Version
    private long version;

    protected Certificate() {
    }

    /**
     * A new live certificate, ready for its two signatures.
     *
     * @param replacesId the certificate this one corrects, or null
     */
    public Certificate(String editionCode, long participantId, String stateCode, String number,
                       VerificationCode verificationCode, String holderEmail, PrintedContent content,
                       String requestedLanguage, String languageNote, Long replacesId, Instant now) {
        this.editionCode = editionCode;
        this.participantId = participantId;
        this.stateCode = stateCode;
        this.number = number;
        this.verificationCode = verificationCode;
        this.holderEmail = holderEmail;
        this.content = content;
        this.requestedLanguage = requestedLanguage;
        this.languageNote = languageNote;
        this.replacesId = replacesId;
        this.issuedAt = now;
        this.status = CertificateStatus.ISSUED;
        this.live = Boolean.TRUE;
    }

    public boolean isLive() {
        return status != CertificateStatus.REVOKED;
    }

    public boolean isSignedBy(SignerRole party) {
        return signature(party).isPresent();
    }

    /** {@code party}'s signature, once recorded. */
    public Optional<PartySignature> signature(SignerRole party) {
        // JPA reads a signature whose columns are all empty as none.
        return Optional.ofNullable(party == SignerRole.IIN ? iinSignature : stateSignature);
    }

    /** The parties whose signature is still missing, in field order; empty once signed or revoked. */
    public List<SignerRole> awaitedSignatures() {
        List<SignerRole> awaited = new ArrayList<>();
        if (status == CertificateStatus.ISSUED) {
            for (SignerRole party : SignerRole.values()) {
                if (!isSignedBy(party)) {
                    awaited.add(party);
                }
            }
        }
        return awaited;
    }

    /** Throws unless {@code party} may sign now: the certificate is live, unsigned by that party. */
    public void requireSignableBy(SignerRole party) {
        if (status == CertificateStatus.REVOKED) {
            throw new RuleViolation("certificate-revoked", "Certificate " + number + " is revoked: it cannot be signed.");
        }
        if (isSignedBy(party)) {
            throw new RuleViolation("already-signed", "Certificate " + number + " is already signed by the "
                    + (party == SignerRole.IIN ? "IIN" : "state") + ".");
        }
    }

    /**
     * Records {@code party}'s signature, already added to the current PDF. Either party may sign first; when the
     * second signature arrives the certificate becomes SIGNED, which needs the file's check to have found both
     * signatures present and valid.
     *
     * @param bothSignaturesValid what the signature check of the new current file found
     * @return whether the certificate is now SIGNED
     */
    public boolean recordSignature(SignerRole party, String signer, SigningMethod method, Instant at,
                                   boolean bothSignaturesValid) {
        requireSignableBy(party);
        boolean completes = isSignedBy(party.other());
        if (completes && !bothSignaturesValid) {
            throw new IllegalStateException("Certificate " + number
                    + " would have both signatures recorded but its file does not verify");
        }
        PartySignature signature = new PartySignature(at, signer, method);
        if (party == SignerRole.IIN) {
            iinSignature = signature;
        } else {
            stateSignature = signature;
        }
        if (completes) {
            status = CertificateStatus.SIGNED;
            signedAt = at;
            return true;
        }
        return false;
    }

    /** The learner was sent the signed PDF. */
    public void markDelivered(Instant at) {
        if (status != CertificateStatus.SIGNED) {
            throw new RuleViolation("not-signed", "Certificate " + number + " is " + status
                    + "; only a SIGNED certificate is delivered.");
        }
        status = CertificateStatus.DELIVERED;
        deliveredAt = at;
    }

    /** Revokes from any status but REVOKED; the reason stays internal, the category is public. */
    public void revoke(RevocationCategory category, String reason, String by, Instant at) {
        if (status == CertificateStatus.REVOKED) {
            throw new RuleViolation("already-revoked", "Certificate " + number + " is already revoked.");
        }
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty()) {
            throw new RuleViolation("reason-required", "reason", "Say why the certificate is revoked.");
        }
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new RuleViolation("reason-too-long", "reason",
                    "The reason is longer than " + MAX_REASON_LENGTH + " characters.");
        }
        status = CertificateStatus.REVOKED;
        live = null;
        revokedAt = at;
        revokedBy = by;
        revocationReason = trimmed;
        revocationCategory = category;
    }

    /**
     * course-service reports that a corrected result made the participant ineligible. A certificate not yet signed
     * by both is revoked at once; a signed one may already be in the learner's hands, so it is only flagged for
     * the course leader to decide. Repeating the report changes nothing.
     */
    public CancellationOutcome cancelForIneligibility(String by, Instant at) {
        return switch (status) {
            case REVOKED -> CancellationOutcome.ALREADY_REVOKED;
            case ISSUED -> {
                revoke(RevocationCategory.NO_LONGER_ELIGIBLE, NO_LONGER_ELIGIBLE, by, at);
                yield CancellationOutcome.REVOKED;
            }
            case SIGNED, DELIVERED -> {
                if (revocationRequested) {
                    yield CancellationOutcome.ALREADY_REQUESTED;
                }
                revocationRequested = true;
                revocationRequestedAt = at;
                yield CancellationOutcome.REVOCATION_REQUESTED;
            }
        };
    }

    /** What a report of ineligibility did. */
    public enum CancellationOutcome {
        REVOKED, REVOCATION_REQUESTED, ALREADY_REVOKED, ALREADY_REQUESTED
    }

    /** The course leader decided to keep a certificate whose revocation course-service asked for. */
    public void keepDespiteRevocationRequest() {
        if (!revocationRequested) {
            throw new RuleViolation("no-revocation-request", "Nobody asked to revoke certificate " + number + ".");
        }
        if (status == CertificateStatus.REVOKED) {
            throw new RuleViolation("already-revoked", "Certificate " + number + " is already revoked.");
        }
        revocationRequested = false;
        revocationRequestedAt = null;
    }

    /** A reissue: this certificate, already revoked as superseded, points to the one that replaces it. */
    public void supersededBy(long replacementId) {
        if (status != CertificateStatus.REVOKED || revocationCategory != RevocationCategory.SUPERSEDED) {
            throw new IllegalStateException("Only a certificate revoked as superseded has a replacement");
        }
        replacedById = replacementId;
    }

    /** The signatory printed under {@code party}'s field, who is expected to sign it. */
    public PrintedContent.Signatory signatory(SignerRole party) {
        return party == SignerRole.IIN ? content.iinSignatory() : content.stateSignatory();
    }

    public Long id() { return id; }
    public String editionCode() { return editionCode; }
    public long participantId() { return participantId; }
    public String stateCode() { return stateCode; }
    public String number() { return number; }
    public VerificationCode verificationCode() { return verificationCode; }
    public CertificateStatus status() { return status; }
    public String holderEmail() { return holderEmail; }
    public PrintedContent content() { return content; }
    public String holderName() { return content.holderName(); }
    public String requestedLanguage() { return requestedLanguage; }
    public String languageNote() { return languageNote; }
    public Instant issuedAt() { return issuedAt; }
    public Instant signedAt() { return signedAt; }
    public Instant deliveredAt() { return deliveredAt; }
    public Instant revokedAt() { return revokedAt; }
    public String revokedBy() { return revokedBy; }
    public String revocationReason() { return revocationReason; }
    public RevocationCategory revocationCategory() { return revocationCategory; }
    public boolean revocationRequested() { return revocationRequested; }
    public Instant revocationRequestedAt() { return revocationRequestedAt; }
    public Long replacesId() { return replacesId; }
    public Long replacedById() { return replacedById; }
    public long version() { return version; }
}
