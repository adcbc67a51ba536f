package org.iin.csec.chassis.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/**
 * One piece of work for another system, and where it stands. Written in the same transaction as the change that
 * causes it, so the work exists exactly when the change does; sent later by the dispatcher, retried with exponential
 * back-off while the failure is one a retry can fix, stopped with its reason otherwise. Each service's
 * {@code OutboxItem} entity adds what its work is about (its kinds, the participant or the certificate).
 */
@MappedSuperclass
public abstract class OutboxWork {

    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WorkStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Version
    private long version;

    protected OutboxWork() {
    }

    protected OutboxWork(Instant now) {
        this.status = WorkStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** What the work asks for: one of the service's own kinds, each sent by its own {@link WorkHandler}. */
    public abstract Enum<?> kind();

    public void succeeded(Instant now) {
        attempts++;
        status = WorkStatus.DONE;
        doneAt = now;
        lastError = null;
        release();
    }

    /** A failure a later attempt may not meet (network, timeout, server error): wait longer each time. */
    public void failedForNow(String reason, Instant now, Duration firstRetry) {
        attempts++;
        lastError = shorten(reason);
        nextAttemptAt = now.plus(backOff(attempts, firstRetry));
        release();
    }

    /** Not sent, and not counted as an attempt: the work waits for something else first (e.g. a decision). */
    public void postpone(String reason, Instant until) {
        lastError = shorten(reason);
        nextAttemptAt = until;
        release();
    }

    /** A failure only a person can fix: stop, keep the reason, wait for a retry by hand. */
    public void failedForGood(String reason, Instant now) {
        attempts++;
        status = WorkStatus.FAILED;
        lastError = shorten(reason);
        release();
    }

    /** The work is no longer wanted; it will not be sent. */
    public void cancel(String reason) {
        if (status == WorkStatus.DONE) {
            return;
        }
        status = WorkStatus.CANCELLED;
        lastError = shorten(reason);
        release();
    }

    /** After someone fixed the cause: send again at once. */
    public void retryNow(Instant now) {
        if (status == WorkStatus.DONE || status == WorkStatus.CANCELLED) {
            return;
        }
        status = WorkStatus.PENDING;
        nextAttemptAt = now;
        release();
    }

    /** firstRetry, then twice as long after each further failure, capped at an hour. */
    static Duration backOff(int attempts, Duration firstRetry) {
        long seconds = Math.max(1, firstRetry.toSeconds()) << Math.min(attempts - 1, 20);
        return seconds >= LONGEST_WAIT.toSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
    }

    private void release() {
        claimedBy = null;
        claimedUntil = null;
    }

    private static String shorten(String reason) {
        return reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public Long id() { return id; }
    public WorkStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant doneAt() { return doneAt; }
}
