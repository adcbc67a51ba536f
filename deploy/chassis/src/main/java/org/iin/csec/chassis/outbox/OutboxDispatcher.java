package org.iin.csec.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due outbox work. Claim (one short transaction), send (no transaction: another system may be slow or down),
 * record (one short transaction). A crash between send and record leaves the items leased; the lease runs out and
 * they are sent again, which the handlers make harmless.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    @Inject
    @Any
    Instance<WorkHandler<?>> handlers;

    @Inject
    OutboxTransactions transactions;

    /**
     * The service's kinds of work in the order it declares them: work that one kind makes for a later kind (a
     * certificate delivered, then announced) goes out in the same pass.
     */
    public List<Enum<?>> kinds() {
        return handlers.stream().<Enum<?>>map(WorkHandler::kind)
                .sorted(Comparator.comparingInt(Enum::ordinal)).toList();
    }

    /** Every kind of work, one after the other (see {@link #kinds()}). */
    public void drainAll() {
        kinds().forEach(this::drain);
    }

    /** Sends every due item of one kind, batch after batch; returns how many items were handled. */
    public int drain(Enum<?> kind) {
        return handlers.stream().filter(handler -> handler.kind() == kind).findFirst().map(this::sendDue).orElse(0);
    }

    private <I extends OutboxWork> int sendDue(WorkHandler<I> handler) {
        if (!handler.ready()) {
            return 0;
        }
        int handled = 0;
        // Bounded: items that fail for now are rescheduled, so a pass always ends.
        for (int batch = 0; batch < 1000; batch++) {
            // The store's items are the service's one outbox entity, which every one of its handlers takes.
            @SuppressWarnings("unchecked")
            List<I> claimed = (List<I>) transactions.claim(handler.kind(), handler.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            Map<Long, Outcome> outcomes;
            try {
                outcomes = handler.send(claimed);
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "Sending " + handler.kind() + " work failed; it will be retried", unexpected);
                outcomes = Map.of();
            }
            transactions.record(claimed, outcomes, handler);
            handled += claimed.size();
        }
        return handled;
    }
}
