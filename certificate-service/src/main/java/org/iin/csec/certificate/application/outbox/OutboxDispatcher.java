package org.iin.csec.certificate.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox work. Claim (one short transaction), send (no transaction: another system may be slow or down),
 * record (one short transaction). A crash between send and record leaves the items leased; the lease runs out and
 * they are sent again, which the handlers make harmless (course-service's notice is idempotent; a learner may, at
 * worst, receive their certificate twice).
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    @Inject
    @Any
    Instance<WorkHandler> handlers;

    @Inject
    OutboxTransactions transactions;

    /** Sends every due item of one kind, batch after batch; returns how many items were handled. */
    public int drain(WorkKind kind) {
        WorkHandler handler = handlerFor(kind);
        if (handler == null || !handler.ready()) {
            return 0;
        }
        int handled = 0;
        // Bounded: items that fail for now are rescheduled, so a pass always ends.
        for (int batch = 0; batch < 1000; batch++) {
            List<OutboxItem> claimed = transactions.claim(kind, handler.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            Map<Long, Outcome> outcomes;
            try {
                outcomes = handler.send(claimed);
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "Sending " + kind + " work failed; it will be retried", unexpected);
                outcomes = Map.of();
            }
            transactions.record(claimed, outcomes, handler);
            handled += claimed.size();
        }
        return handled;
    }

    private WorkHandler handlerFor(WorkKind kind) {
        for (WorkHandler handler : handlers) {
            if (handler.kind() == kind) {
                return handler;
            }
        }
        return null;
    }
}
