package org.iin.csec.course.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/**
 * One piece of work for another system. Written in the same transaction as the change that causes it, so
 * the work exists exactly when the change does; sent later by the dispatcher, retried with exponential
 * back-off while the failure is one a retry can fix, stopped with its reason otherwise.
 */
@Entity
@Table(name = "outbox_item")
public class OutboxItem {

    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WorkKind kind;

    @Column(name = "edition_code", nullable = false, updatable = false)
    private String editionCode;

    /** The participant the work is about; null for work about no one in particular (an e-mail). */
    @Column(name = "participant_id", updatable = false)
    private Long participantId;

    /** What the work carries when it is not read from the database at send time (an e-mail's message). */
    @Column(updatable = false)
    private String payload;

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

    protected OutboxItem() {
    }

    public OutboxItem(WorkKind kind, String editionCode, long participantId, Instant now) {
        this(kind, editionCode, participantId, null, now);
    }

    private OutboxItem(WorkKind kind, String editionCode, Long participantId, String payload, Instant now) {
        this.kind = kind;
        this.editionCode = editionCode;
        this.participantId = participantId;
        this.payload = payload;
        this.status = WorkStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** A message to the participant's Moodle account (plain text). */
    public static OutboxItem moodleMessage(String editionCode, long participantId, String text, Instant now) {
        return new OutboxItem(WorkKind.MOODLE_MESSAGE, editionCode, participantId, text, now);
    }

    /** An e-mail to send; {@code message} is the whole message as the mail work reads it. */
    public static OutboxItem mail(String editionCode, String message, Instant now) {
        return new OutboxItem(WorkKind.EMAIL, editionCode, null, message, now);
    }

    public void succeeded(Instant now) {
        attempts++;
        status = WorkStatus.DONE;
        doneAt = now;
        lastError = null;
        release();
    }

    /** A failure a later attempt may not meet (network, timeout, server error): wait longer each time. */
    public void failedForNow(String reason, Instant now) {
        attempts++;
        lastError = shorten(reason);
        nextAttemptAt = now.plus(backOff(attempts));
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

    /** 10 s, 20 s, 40 s... capped at an hour. */
    static Duration backOff(int attempts) {
        long seconds = FIRST_RETRY.toSeconds() << Math.min(attempts - 1, 20);
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
    public WorkKind kind() { return kind; }
    public String editionCode() { return editionCode; }
    public Long participantId() { return participantId; }
    public String payload() { return payload; }
    public WorkStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant doneAt() { return doneAt; }
}
