package org.iin.csec.certificate.application.outbox;

import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;

import java.util.List;
import java.util.Map;

/** Does one kind of outbox work against the outside world. One bean per {@link WorkKind}. */
public interface WorkHandler {

    WorkKind kind();

    /** How many items one call to {@link #send} takes. */
    int batchSize();

    /** Whether the work can be sent at all now (e.g. a mail server is configured); if not, items wait untouched. */
    default boolean ready() {
        return true;
    }

    /**
     * Does the work, outside any transaction (it talks to another system). Returns an outcome for every item id; an
     * item without one is retried. Must be harmless when repeated: after a crash the same items come again.
     */
    Map<Long, Outcome> send(List<OutboxItem> items);

    /** What a successful item changes here; runs in the transaction that marks the item done. */
    void onDone(OutboxItem item);
}
