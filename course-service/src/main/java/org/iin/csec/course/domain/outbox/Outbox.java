package org.iin.csec.course.domain.outbox;

import java.time.Instant;
import java.util.List;

/**
 * The outbox. Claims are leases: an instance takes due items for a while; if it dies, the lease runs out and
 * another instance takes them. Two instances never hold the same item at once.
 */
public interface Outbox {

    void add(OutboxItem item);

    /**
     * Leases up to {@code limit} due PENDING items of one kind to {@code owner} until {@code leaseUntil}, and
     * returns exactly the items this call leased.
     */
    List<OutboxItem> claim(WorkKind kind, String owner, int limit, Instant now, Instant leaseUntil);

    List<OutboxItem> find(String editionCode, WorkStatus status);

    List<OutboxItem> findFor(String editionCode, long participantId);

    /** How many items of the edition wait, by kind and status: the sync state at a glance. */
    List<Object[]> countByKindAndStatus(String editionCode);

    /** How many items are in {@code status}, all editions together. */
    long count(WorkStatus status);

    /**
     * Makes the edition's PENDING items that wait out a back-off due {@code now}; returns how many. Leased items are
     * left alone: they are being sent. One UPDATE, as a claim is, so it is safe with several instances.
     */
    int bringForward(String editionCode, Instant now);
}
