package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.batch.SigningBatchRepository;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.domain.signatory.SignatoryRepository;
import org.iin.csec.chassis.audit.AuditRecorder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The signing batches' own short transactions: starting or resuming one, completing it, reading it. */
@ApplicationScoped
public class BatchRecords {

    @Inject
    SigningBatchRepository batches;

    @Inject
    CertificateRepository certificates;

    @Inject
    SignatoryRepository signatories;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    /** The batch to run and the certificates it is to sign. */
    public record Started(SigningBatch batch, List<Long> certificateIds) {
    }

    /**
     * One running batch per party at a time: a batch still running refuses a second one; an interrupted batch with
     * the same selection is resumed (same id, its progress kept); one with another selection is abandoned.
     */
    @Transactional
    public Started startOrResume(Party party, String editionCode, String actor) {
        // The party's registration row is the lock that makes two simultaneous requests start one batch.
        signatories.findForUpdate(party);
        Instant now = clock.instant();
        SigningBatch resumed = null;
        for (SigningBatch running : batches.findRunning(party.key())) {
            if (!running.isInterrupted(now)) {
                throw new Conflict("batch-running", "Signing batch " + running.id() + " for " + party
                        + " is still running: follow it at /signing-batches/" + running.id() + ".");
            }
            if (resumed == null && running.sameSelection(party, editionCode)) {
                resumed = running;
            } else {
                var before = Snapshots.of(running, now);
                running.abandon(now);
                audit.record(actor, "signing-batch.abandoned", "SigningBatch", running.id(), running.editionCode(),
                        party.stateCode(), before, Snapshots.of(running, now));
            }
        }
        List<Long> awaiting = certificates.awaitingSignature(party.role(), party.stateCode(), editionCode);
        Instant lease = now.plus(CertificateSigning.BATCH_LEASE);
        if (resumed != null) {
            var before = Snapshots.of(resumed, now);
            resumed.resume(awaiting.size(), actor, now, lease);
            audit.record(actor, "signing-batch.resumed", "SigningBatch", resumed.id(), editionCode,
                    party.stateCode(), before, Snapshots.of(resumed, now));
            return new Started(resumed, awaiting);
        }
        SigningBatch batch = new SigningBatch(party, editionCode, actor, awaiting.size(), now, lease);
        batches.add(batch);
        audit.record(actor, "signing-batch.started", "SigningBatch", batch.id(), editionCode, party.stateCode(),
                null, Snapshots.of(batch, now));
        return new Started(batch, awaiting);
    }

    /** Every certificate was tried; nothing is done if the batch changed since {@code heldVersion}. */
    @Transactional
    public CertificateSigning.BatchStep complete(long batchId, long heldVersion) {
        SigningBatch batch = batches.findForUpdate(batchId).orElseThrow();
        if (!batch.isUnchangedSince(heldVersion)) {
            return new CertificateSigning.BatchStep(batch.version(), batch.leaseUntil(), false);
        }
        Instant now = clock.instant();
        var before = Snapshots.of(batch, now);
        batch.complete(now);
        audit.record(batch.requestedBy(), "signing-batch.completed", "SigningBatch", batchId, batch.editionCode(),
                batch.party().stateCode(), before, Snapshots.of(batch, now));
        return new CertificateSigning.BatchStep(heldVersion + 1, null, true);
    }

    @Transactional
    public Optional<SigningBatch> find(long id) {
        return batches.find(id);
    }
}
