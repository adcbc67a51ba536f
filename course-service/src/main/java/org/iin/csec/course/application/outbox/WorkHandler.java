package org.iin.csec.course.application.outbox;

import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;

import java.util.List;
import java.util.Map;

/** Does one kind of outbox work against another system. One bean per {@link WorkKind}. */
public interface WorkHandler {

    WorkKind kind();

    /** How many items one call to {@link #send} takes (other systems take batches). */
    int batchSize();

    /**
     * Does the work, outside any transaction (it talks to another system). Returns an outcome for every item
     * id; an item without one is retried. Must be idempotent: after a crash the same items come again.
     */
    Map<Long, Outcome> send(List<OutboxItem> items);

    /** What a successful item changes here; runs in the transaction that marks the item done. Most change nothing. */
    default void onDone(OutboxItem item, Outcome outcome) {
    }
}
