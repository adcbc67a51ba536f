package org.iin.csec.certificate.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.certificate.document.SignerRole;
import org.iin.csec.certificate.domain.NotFound;
import org.iin.csec.certificate.domain.RuleViolation;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.signing.SigningCredential;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A signatory signs, on the server, every certificate awaiting them (optionally of one edition), in the background.
 * The PKCS#12 is opened once for the whole batch and its key forgotten when the batch ends. Progress is in the
 * batch record ({@code GET /signing-batches/{id}}). A restart interrupts a batch; posting the same batch again,
 * with the passphrase again (it is never stored), resumes it with what is still awaiting.
 */
@ApplicationScoped
public class BatchSigning {

    private static final Logger LOG = Logger.getLogger(BatchSigning.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    SigningCredentials credentials;

    @Inject
    BatchRecords records;

    @Inject
    CertificateSigning signing;

    /**
     * Starts (or resumes) the caller's batch and returns it at once, running.
     *
     * @param editionCode only this edition's certificates, or null for all
     * @param as          "IIN" or "STATE" when the caller may sign as both; otherwise null
     */
    public SigningBatch start(Caller caller, String pkcs12Base64, char[] passphrase, String editionCode, String as) {
        Party party = Access.batchParty(caller, as);
        String edition = editionCode == null || editionCode.isBlank() ? null : editionCode.trim();
        SigningCredential credential = credentials.unlock(party, pkcs12Base64, passphrase);
        BatchRecords.Started started;
        try {
            started = records.startOrResume(party, edition, caller.username());
        } catch (RuntimeException e) {
            credential.close();
            throw e;
        }
        long batchId = started.batch().id();
        try {
            executor.submit(() -> run(batchId, started.certificateIds(), party, credential, caller.username()));
        } catch (RejectedExecutionException e) {
            credential.close();
            throw new IllegalStateException("The service is shutting down; post the batch again later", e);
        }
        return started.batch();
    }

    /** The batch's progress, for its party's signers and administrators. */
    public SigningBatch progress(Caller caller, long id) {
        SigningBatch batch = records.find(id).orElseThrow(() -> new NotFound("There is no signing batch " + id + "."));
        Party party = batch.party();
        boolean mayRead = caller.has(Role.ADMIN)
                || (party.role() == SignerRole.IIN && caller.signsForIin())
                || (party.stateCode() != null && caller.signsForState(party.stateCode()));
        if (!mayRead) {
            throw new NotFound("There is no signing batch " + id + ".");
        }
        return batch;
    }

    private void run(long batchId, List<Long> certificateIds, Party party, SigningCredential credential,
                     String actor) {
        try (credential) {
            for (long certificateId : certificateIds) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("Signing batch " + batchId + " stopped (shutdown); post it again to resume");
                    return;
                }
                try {
                    signing.signInBatch(batchId, certificateId, party, credential, actor);
                } catch (RuntimeException e) {
                    signing.batchFailure(batchId, certificateId, reason(e));
                }
            }
            records.complete(batchId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Signing batch " + batchId + " stopped; post it again to resume", e);
        }
    }

    /** The innermost message a person can act on; never a passphrase (none is in any message). */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof RuleViolation)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
