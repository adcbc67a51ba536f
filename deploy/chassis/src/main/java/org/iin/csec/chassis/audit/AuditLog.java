package org.iin.csec.chassis.audit;

import java.util.List;

/** Append-only: entries are added and read, never changed. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Newest first; filters may be null. */
    List<AuditEntry> search(String editionCode, String stateCode, String entityType, String entityId, int limit);
}
