package org.iin.csec.course.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.iin.csec.chassis.outbox.OutboxWork;

import java.time.Instant;

/**
 * One piece of work for Moodle, certificate-service or the mail server, about one participant of an edition (or,
 * for an e-mail, about the edition). How it is sent and retried is the chassis's {@link OutboxWork}.
 */
@Entity
@Table(name = "outbox_item")
public class OutboxItem extends OutboxWork {

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

    protected OutboxItem() {
    }

    public OutboxItem(WorkKind kind, String editionCode, long participantId, Instant now) {
        this(kind, editionCode, participantId, null, now);
    }

    private OutboxItem(WorkKind kind, String editionCode, Long participantId, String payload, Instant now) {
        super(now);
        this.kind = kind;
        this.editionCode = editionCode;
        this.participantId = participantId;
        this.payload = payload;
    }

    /** A message to the participant's Moodle account (plain text). */
    public static OutboxItem moodleMessage(String editionCode, long participantId, String text, Instant now) {
        return new OutboxItem(WorkKind.MOODLE_MESSAGE, editionCode, participantId, text, now);
    }

    /** An e-mail to send; {@code message} is the whole message as the mail work reads it. */
    public static OutboxItem mail(String editionCode, String message, Instant now) {
        return new OutboxItem(WorkKind.EMAIL, editionCode, null, message, now);
    }

    @Override
    public WorkKind kind() { return kind; }
    public String editionCode() { return editionCode; }
    public Long participantId() { return participantId; }
    public String payload() { return payload; }
}
