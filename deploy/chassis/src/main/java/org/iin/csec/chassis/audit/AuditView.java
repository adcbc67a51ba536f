package org.iin.csec.chassis.audit;

import java.time.Instant;

/** An audit entry as the API shows it; before and after are the JSON snapshots as recorded. */
public record AuditView(long id, Instant occurredAt, String actor, String action, String entityType,
                        String entityId, String edition, String state, String before, String after) {

    public static AuditView of(AuditEntry e) {
        return new AuditView(e.id(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
                e.editionCode(), e.stateCode(), e.before(), e.after());
    }
}
