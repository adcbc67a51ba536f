package org.iin.csec.chassis.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One recorded change. Never updated or deleted: every column is insert-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "entity_type", nullable = false, updatable = false)
    private String entityType;

    @Column(name = "entity_id", nullable = false, updatable = false)
    private String entityId;

    @Column(name = "edition_code", updatable = false)
    private String editionCode;

    @Column(name = "state_code", updatable = false)
    private String stateCode;

    @Column(name = "before_state", updatable = false)
    private String before;

    @Column(name = "after_state", updatable = false)
    private String after;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String action, String entityType, String entityId,
                      String editionCode, String stateCode, String before, String after) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.editionCode = editionCode;
        this.stateCode = stateCode;
        this.before = before;
        this.after = after;
    }

    public Long id() { return id; }
    public Instant occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String entityType() { return entityType; }
    public String entityId() { return entityId; }
    public String editionCode() { return editionCode; }
    public String stateCode() { return stateCode; }
    public String before() { return before; }
    public String after() { return after; }
}
