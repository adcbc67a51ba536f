package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.application.signing.PdfSignatures;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.SignerAppearance;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.batch.SigningBatchRepository;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateFiles;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.PrintedContent;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.certificate.SigningMethod;
import org.iin.csec.certificate.domain.outbox.Outbox;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.AccessDenied;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Adds one party's signature to one certificate, all or nothing: the certificate row is locked, the current file
 * signed in append mode, the result checked, then the file, the certificate and (once both signed) the learner's
 * e-mail in the outbox are written in one transaction. Two signatories signing the same certificate at once are
 * serialised by the lock, so neither signature is lost.
 */
@ApplicationScoped
public class CertificateSigning {

    /** How long a batch's runner may go without reporting progress before its batch counts as interrupted. */
    static final Duration BATCH_LEASE = Duration.ofSeconds(60);

    @Inject
    PdfSignatures signatures;

    @Inject
    CertificateRepository certificates;

    @Inject
    SigningBatchRepository batches;

    @Inject
    Outbox outbox;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    /** Signs on the server with the credential; the caller checked access and the credential's registration. */
    @Transactional
    public Certificate sign(long certificateId, Party party, SigningCredential credential, String actor) {
        Certificate certificate = certificates.findForUpdate(certificateId).orElseThrow();
        return signLocked(certificate, party, credential, actor);
    }

    /**
     * What a step of a batch's runner left in the batch record: the record's version, which the runner now holds,
     * its lease, and whether this step recorded its progress ({@code false}: the record changed since the version
     * the runner held, so the step did nothing). A step changes the record once, so its version goes up by one.
     */
    public record BatchStep(long version, Instant lease, boolean recorded) {
    }

    /**
     * One certificate of a batch, and the batch's progress, in one transaction. A certificate the party signed
     * meanwhile by other means counts as done; any other refusal rolls everything back for the caller to record.
     * Nothing is done if the batch changed since {@code heldVersion} (see {@link BatchStep}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BatchStep signInBatch(long batchId, long certificateId, Party party, SigningCredential credential,
                                 String actor, long heldVersion) {
        SigningBatch batch = batches.findForUpdate(batchId).orElseThrow();
        if (!batch.isUnchangedSince(heldVersion)) {
            return new BatchStep(batch.version(), batch.leaseUntil(), false);
        }
        Certificate certificate = certificates.findForUpdate(certificateId).orElseThrow();
        if (!certificate.isSignedBy(party.role())) {
            signLocked(certificate, party, credential, actor);
        }
        Instant now = clock.instant();
        Instant lease = now.plus(BATCH_LEASE);
        batch.signedOne(now, lease);
        return new BatchStep(heldVersion + 1, lease, true);
    }

    /**
     * Records a certificate of a batch that could not be signed; the certificate itself is unchanged. Nothing is
     * done if the batch changed since {@code heldVersion}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BatchStep batchFailure(long batchId, long certificateId, String reason, long heldVersion) {
        SigningBatch batch = batches.findForUpdate(batchId).orElseThrow();
        if (!batch.isUnchangedSince(heldVersion)) {
            return new BatchStep(batch.version(), batch.leaseUntil(), false);
        }
        String number = certificates.find(certificateId).map(Certificate::number).orElse("#" + certificateId);
        Instant now = clock.instant();
        Instant lease = now.plus(BATCH_LEASE);
        batch.failedOne(number, reason, now, lease);
        return new BatchStep(heldVersion + 1, lease, true);
    }

    /**
     * Records a signature made elsewhere and already checked against the registered certificate; the certificate
     * row is locked by the caller.
     */
    public void recordUpload(Certificate certificate, Party party, byte[] signedPdf, String actor) {
        SignatureReport report = signatures.verify(signedPdf);
        certificates.files(certificate.id()).replaceCurrent(signedPdf);
        record(certificate, party, SigningMethod.UPLOAD, report, actor);
    }

    private Certificate signLocked(Certificate certificate, Party party, SigningCredential credential, String actor) {
        SignerRole role = party.role();
        if (!party.signsFor(certificate.stateCode())) {
            throw new AccessDenied(party + " does not sign certificates of state " + certificate.stateCode() + ".");
        }
        certificate.requireSignableBy(role);
        CertificateFiles files = certificates.files(certificate.id());
        PrintedContent.Signatory shown = certificate.signatory(role);
        byte[] signed = signatures.sign(files.current(), role.fieldName(), credential,
                new SignerAppearance(shown.name(), shown.title()));
        SignatureReport report = signatures.verify(signed);
        boolean valid = report.field(role.fieldName()).flatMap(f -> f.signature()).map(s -> s.isValid())
                .orElse(false);
        if (!valid || !report.isIntact()) {
            throw new IllegalStateException("The signature just made on certificate " + certificate.number()
                    + " does not verify");
        }
        files.replaceCurrent(signed);
        return record(certificate, party, SigningMethod.SERVER, report, actor);
    }

    private Certificate record(Certificate certificate, Party party, SigningMethod method, SignatureReport report,
                               String actor) {
        var before = Snapshots.of(certificate);
        Instant now = clock.instant();
        boolean signed = certificate.recordSignature(party.role(), actor, method, now, report.isFullySigned());
        if (signed) {
            // Same transaction: the certificate is SIGNED exactly when its e-mail to the learner exists.
            outbox.add(new OutboxItem(WorkKind.MAIL_CERTIFICATE, certificate.id(), now));
        }
        audit.record(actor, method == SigningMethod.SERVER ? "certificate.signed" : "certificate.signed-upload",
                "Certificate", certificate.id(), certificate.editionCode(), certificate.stateCode(), before,
                Snapshots.of(certificate));
        return certificate;
    }
}
