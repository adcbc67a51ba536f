package org.iin.csec.chassis.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the dispatcher needs of a service's outbox. Claims are leases: an instance takes due items for a while; if it
 * dies, the lease runs out and another instance takes them. Two instances never hold the same item at once.
 */
public interface OutboxStore<I extends OutboxWork> {

    void add(I item);

    Optional<I> find(long id);

    /**
     * Leases up to {@code limit} due PENDING items of one kind to {@code owner} until {@code leaseUntil}, and returns
     * exactly the items this call leased.
     */
    List<I> claim(Enum<?> kind, String owner, int limit, Instant now, Instant leaseUntil);

    /** How many items are in {@code status}, all editions together. */
    long count(WorkStatus status);
}
