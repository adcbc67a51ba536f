package org.iin.csec.certificate.domain.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.chassis.domain.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One party signing, on the server, every certificate awaiting their signature (optionally of one edition). Each
 * certificate is signed in its own transaction, all or nothing, and counted here in the same transaction, so the
 * progress never disagrees with the certificates. The runner holds a lease it renews after every certificate; a
 * batch whose lease ran out was interrupted (a restart) and is resumed by starting the same batch again, with the
 * passphrase again: it is never stored.
 */
@Entity
@Table(name = "signing_batch")
public class SigningBatch {

    /** Failures listed in full; more are only counted. */
    static final int LISTED_FAILURES = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "party", nullable = false, updatable = false)
    private String partyKey;

    /** The edition the batch is limited to; null for every edition. */
    @Column(name = "edition_code", updatable = false)
    private String editionCode;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BatchStatus status;

    @Column(nullable = false)
    private int total;

    @Column(name = "done_count", nullable = false)
    private int done;

    @Column(name = "failed_count", nullable = false)
    private int failed;

    /** One line per failed certificate: "number: reason". */
    @Column(name = "failures")
    private String failures;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Version
    private long version;

    protected SigningBatch() {
    }

    public SigningBatch(Party party, String editionCode, String requestedBy, int total, Instant now,
                        Instant leaseUntil) {
        this.partyKey = party.key();
        this.editionCode = editionCode;
        this.requestedBy = requestedBy;
        this.total = total;
        this.status = BatchStatus.RUNNING;
        this.startedAt = now;
        this.updatedAt = now;
        this.leaseUntil = leaseUntil;
    }

    /** Running, but nobody renewed its lease in time: the instance that ran it stopped. */
    public boolean isInterrupted(Instant now) {
        return status == BatchStatus.RUNNING && (leaseUntil == null || leaseUntil.isBefore(now));
    }

    /**
     * Whether the batch is as its runner last left it: nobody recorded anything since (that runner included, if its
     * transaction committed although its answer was lost with the connection) and nobody resumed it. Every change
     * of the record counts in its version; its times cannot tell, as MariaDB may keep them to the second only.
     */
    public boolean isUnchangedSince(long knownVersion) {
        return version == knownVersion;
    }

    /** Whether this batch covers the same selection as a new request: same party, same edition (or all). */
    public boolean sameSelection(Party party, String edition) {
        return partyKey.equals(party.key()) && Objects.equals(editionCode, edition);
    }

    /**
     * Picks an interrupted batch up again: what was signed stays counted, what failed is tried again with the
     * certificates still awaiting.
     */
    public void resume(int stillAwaiting, String by, Instant now, Instant newLease) {
        if (!isInterrupted(now)) {
            throw new RuleViolation("batch-not-interrupted", "Signing batch " + id + " is " + describe(now)
                    + "; only an interrupted batch is resumed.");
        }
        requestedBy = by;
        total = done + stillAwaiting;
        failed = 0;
        failures = null;
        updatedAt = now;
        leaseUntil = newLease;
    }

    /** One more certificate signed; renews the lease. */
    public void signedOne(Instant now, Instant newLease) {
        requireRunning();
        done++;
        updatedAt = now;
        leaseUntil = newLease;
    }

    /** One certificate could not be signed (it was left unchanged); renews the lease. */
    public void failedOne(String certificateNumber, String reason, Instant now, Instant newLease) {
        requireRunning();
        failed++;
        if (failed <= LISTED_FAILURES) {
            String line = certificateNumber + ": " + (reason == null ? "unknown error" : reason.replace('\n', ' '));
            failures = failures == null ? line : failures + "\n" + line;
        }
        updatedAt = now;
        leaseUntil = newLease;
    }

    /** Every selected certificate was tried. */
    public void complete(Instant now) {
        requireRunning();
        status = BatchStatus.COMPLETED;
        finishedAt = now;
        updatedAt = now;
        leaseUntil = null;
    }

    /** An interrupted batch that a batch with another selection replaces. */
    public void abandon(Instant now) {
        if (!isInterrupted(now)) {
            throw new IllegalStateException("Only an interrupted batch is abandoned");
        }
        status = BatchStatus.ABANDONED;
        finishedAt = now;
        updatedAt = now;
        leaseUntil = null;
    }

    /** RUNNING, INTERRUPTED, COMPLETED or ABANDONED: the status a person should read. */
    public String describe(Instant now) {
        return isInterrupted(now) ? "INTERRUPTED" : status.name();
    }

    private void requireRunning() {
        if (status != BatchStatus.RUNNING) {
            throw new IllegalStateException("Signing batch " + id + " is " + status);
        }
    }

    public List<String> failures() {
        return failures == null ? List.of() : new ArrayList<>(Arrays.asList(failures.split("\n")));
    }

    public Long id() { return id; }
    public Party party() { return Party.fromKey(partyKey); }
    public String partyKey() { return partyKey; }
    public String editionCode() { return editionCode; }
    public String requestedBy() { return requestedBy; }
    public BatchStatus status() { return status; }
    public int total() { return total; }
    public int done() { return done; }
    public int failed() { return failed; }
    public Instant startedAt() { return startedAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant finishedAt() { return finishedAt; }
    public Instant leaseUntil() { return leaseUntil; }
    public long version() { return version; }
}
