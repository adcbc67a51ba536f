package org.iin.csec.certificate.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.iin.csec.chassis.outbox.OutboxWork;

import java.time.Instant;

/**
 * One piece of work for the outside world about one certificate (the learner's e-mail, course-service's notice).
 * How it is sent and retried is the chassis's {@link OutboxWork}.
 */
@Entity
@Table(name = "outbox_item")
public class OutboxItem extends OutboxWork {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WorkKind kind;

    @Column(name = "certificate_id", nullable = false, updatable = false)
    private long certificateId;

    protected OutboxItem() {
    }

    public OutboxItem(WorkKind kind, long certificateId, Instant now) {
        super(now);
        this.kind = kind;
        this.certificateId = certificateId;
    }

    @Override
    public WorkKind kind() { return kind; }
    public long certificateId() { return certificateId; }
}
