package org.iin.csec.certificate.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.persistence.DatabaseFailures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A signatory signs, on the server, every certificate awaiting them (optionally of one edition), in the background.
 * The PKCS#12 is opened once for the whole batch and its key forgotten when the batch ends. Progress is in the
 * batch record ({@code GET /signing-batches/{id}}). A restart interrupts a batch; posting the same batch again,
 * with the passphrase again (it is never stored), resumes it with what is still awaiting. A database that stops
 * answering for less than the batch's lease only pauses it: it goes on by itself when the database answers again.
 */
@ApplicationScoped
public class BatchSigning {

    private static final Logger LOG = Logger.getLogger(BatchSigning.class.getName());

    /** How often a batch tries again while the database does not answer. */
    static final Duration DATABASE_PAUSE = Duration.ofSeconds(1);
    /** A batch stops waiting this long before its lease ends, for the clocks of other instances. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    @Resource
    ManagedExecutorService executor;

    @Inject
    SigningCredentials credentials;

    @Inject
    BatchRecords records;

    @Inject
    CertificateSigning signing;

    @Inject
    Clock clock;

    /** {@link #DATABASE_PAUSE}; shorter in tests. */
    Duration databasePause = DATABASE_PAUSE;

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
            Instant lease = started.batch().leaseUntil();
            long version = started.batch().version();
            executor.submit(() -> run(batchId, started.certificateIds(), party, credential, caller.username(),
                    lease, version));
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

    /** The batch's runner, in the background: each certificate in turn, then the batch is complete. */
    void run(long batchId, List<Long> certificateIds, Party party, SigningCredential credential, String actor,
             Instant lease, long version) {
        Runner runner = new Runner(batchId, lease, version);
        try (credential) {
            for (long certificateId : certificateIds) {
                if (Thread.currentThread().isInterrupted()) {
                    LOG.info("Signing batch " + batchId + " stopped (shutdown); post it again to resume");
                    return;
                }
                try {
                    runner.record(held -> signing.signInBatch(batchId, certificateId, party, credential, actor, held));
                } catch (Stopped stopped) {
                    throw stopped;
                } catch (RuntimeException e) {
                    String reason = reason(e);
                    runner.record(held -> signing.batchFailure(batchId, certificateId, reason, held));
                }
            }
            runner.record(held -> records.complete(batchId, held));
        } catch (Stopped stopped) {
            LOG.warning("Signing batch " + batchId + " stopped: " + stopped.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseFailures.isDatabase(e)) {
                // One line: the driver's message can name the database user.
                String why = DatabaseFailures.isStorageFull(e) ? "the database's disk is full"
                        : e.getClass().getSimpleName();
                LOG.warning("Signing batch " + batchId + " stopped: its progress could not be recorded (" + why
                        + "); it shows INTERRUPTED once its lease ends, then post it again to resume");
            } else {
                LOG.log(Level.WARNING, "Signing batch " + batchId + " stopped; post it again to resume", e);
            }
        }
    }

    /** The runner must stop: its lease ran out, or another runner took the batch over. */
    private static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Records a batch's steps, each on the batch record's version the runner last left. While the database does not
     * answer, a step is tried again every {@link #databasePause}, so that a short outage only pauses the batch, as
     * long as the lease holds (with a margin for the clocks of other instances): until then no other instance may
     * resume the batch. A step tried again may find that its earlier try was committed although its answer was lost
     * with the connection: the record changed, and only that try can have changed it; the step is not done twice.
     */
    private final class Runner {
        private final long batchId;
        /** When the batch's lease ends, as its record says: a minute after the last step recorded. */
        private Instant lease;
        private long version;

        Runner(long batchId, Instant lease, long version) {
            this.batchId = batchId;
            this.lease = lease;
            this.version = version;
        }

        void record(LongFunction<CertificateSigning.BatchStep> step) {
            boolean triedAgain = false;
            while (true) {
                try {
                    CertificateSigning.BatchStep done = step.apply(version);
                    if (!done.recorded() && !triedAgain) {
                        throw new Stopped("another runner took it over");
                    }
                    version = done.version();
                    lease = done.lease();
                    if (triedAgain) {
                        LOG.info("Signing batch " + batchId + " goes on: the database answers again");
                    }
                    return;
                } catch (RuntimeException e) {
                    if (e instanceof Stopped || !DatabaseFailures.isDatabase(e) || DatabaseFailures.isStorageFull(e)) {
                        throw e;
                    }
                    if (lease == null || clock.instant().plus(databasePause).plus(LEASE_MARGIN).isAfter(lease)) {
                        throw new Stopped("the database did not answer before its lease ran out; it shows"
                                + " INTERRUPTED until it is posted again");
                    }
                    if (!triedAgain) {
                        LOG.warning("Signing batch " + batchId + " waits for the database, which does not answer ("
                                + e.getClass().getSimpleName() + "); it goes on by itself when it does");
                    }
                    triedAgain = true;
                    pause();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(databasePause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped("shutdown while it waited for the database");
            }
        }
    }

    /** The innermost message a person can act on; never a passphrase (none is in any message). */
    static String reason(Throwable e) {
        if (DatabaseFailures.isStorageFull(e)) {
            return "The certificate store is full, so this signature could not be saved; the certificate is"
                    + " unchanged. An administrator must free disk space; then post the batch again.";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof RuleViolation)) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
