package org.iin.csec.certificate.domain.outbox;

import org.iin.csec.chassis.outbox.OutboxStore;
import org.iin.csec.chassis.outbox.WorkStatus;

import java.util.List;

/** The certificates' outbox: the chassis's leases, and what the outbox page asks of it. */
public interface Outbox extends OutboxStore<OutboxItem> {

    /** Items in this status (any status when null), newest first. */
    List<OutboxItem> find(WorkStatus status, int limit);

    List<OutboxItem> findFor(long certificateId);
}
