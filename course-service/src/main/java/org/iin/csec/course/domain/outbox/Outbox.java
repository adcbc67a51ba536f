package org.iin.csec.course.domain.outbox;

import org.iin.csec.chassis.outbox.OutboxStore;
import org.iin.csec.chassis.outbox.WorkStatus;

import java.time.Instant;
import java.util.List;

/** The course's outbox: the chassis's leases, and what the sync page asks of an edition's work. */
public interface Outbox extends OutboxStore<OutboxItem> {

    List<OutboxItem> find(String editionCode, WorkStatus status);

    List<OutboxItem> findFor(String editionCode, long participantId);

    /** How many items of the edition wait, by kind and status: the sync state at a glance. */
    List<Object[]> countByKindAndStatus(String editionCode);

    /**
     * Makes the edition's PENDING items that wait out a back-off due {@code now}; returns how many. Leased items are
     * left alone: they are being sent. One UPDATE, as a claim is, so it is safe with several instances.
     */
    int bringForward(String editionCode, Instant now);
}
