package org.iin.csec.certificate.domain.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox. Claims are leases: an instance takes due items for a while; if it dies, the lease runs out and
 * another instance takes them. Two instances never hold the same item at once.
 */
public interface Outbox {

    void add(OutboxItem item);

    Optional<OutboxItem> find(long id);

    /**
     * Leases up to {@code limit} due PENDING items of one kind to {@code owner} until {@code leaseUntil}, and
     * returns exactly the items this call leased.
     */
    List<OutboxItem> claim(WorkKind kind, String owner, int limit, Instant now, Instant leaseUntil);

    /** Items in this status (any status when null), newest first. */
    List<OutboxItem> find(WorkStatus status, int limit);

    List<OutboxItem> findFor(long certificateId);

    /** How many items are in {@code status}. */
    long count(WorkStatus status);
}
