package org.iin.csec.chassis.outbox;

import java.util.List;
import java.util.Map;

/** Does one kind of outbox work against another system. One bean per kind of the service's work. */
public interface WorkHandler<I extends OutboxWork> {

    Enum<?> kind();

    /** How many items one call to {@link #send} takes (other systems take batches). */
    int batchSize();

    /** Whether the work can be sent at all now (e.g. a mail server is configured); if not, items wait untouched. */
    default boolean ready() {
        return true;
    }

    /**
     * Does the work, outside any transaction (it talks to another system). Returns an outcome for every item id; an
     * item without one is retried. Must be harmless when repeated: after a crash the same items come again.
     */
    Map<Long, Outcome> send(List<I> items);

    /** What a successful item changes here; runs in the transaction that marks the item done. Most change nothing. */
    default void onDone(I item, Outcome outcome) {
    }
}
