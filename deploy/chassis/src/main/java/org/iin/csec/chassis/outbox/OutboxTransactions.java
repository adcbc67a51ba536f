package org.iin.csec.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The dispatcher's two short transactions: taking a lease on due items, and recording what became of them. */
@ApplicationScoped
public class OutboxTransactions {

    /**
     * Who leases items: this process ("pid@host"), among several instances sharing one database. At most 40
     * characters, so that with a lease's random suffix it fits its column however long the host's name is.
     */
    public static final String INSTANCE = bounded(ManagementFactory.getRuntimeMXBean().getName());

    @Inject
    OutboxStore<?> outbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "csec.outbox.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    /** The wait after a first failure; it doubles with each further failure, up to an hour. */
    @Inject
    @ConfigProperty(name = "csec.outbox.first-retry-seconds", defaultValue = "10")
    long firstRetrySeconds;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<? extends OutboxWork> claim(Enum<?> kind, int limit) {
        Instant now = clock.instant();
        return outbox.claim(kind, INSTANCE, limit, now, now.plus(Duration.ofSeconds(leaseSeconds)));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <I extends OutboxWork> void record(List<I> items, Map<Long, Outcome> outcomes, WorkHandler<I> handler) {
        Instant now = clock.instant();
        for (I claimed : items) {
            // The handler's own type: the store holds only the service's outbox entity, which the handler takes.
            @SuppressWarnings("unchecked")
            I item = (I) outbox.find(claimed.id()).orElseThrow();
            Outcome outcome = outcomes.getOrDefault(item.id(), Outcome.retry("No answer for this item; will try again."));
            switch (outcome.result()) {
                case DONE -> {
                    handler.onDone(item, outcome);
                    item.succeeded(now);
                }
                case RETRY -> item.failedForNow(outcome.reason(), now, Duration.ofSeconds(firstRetrySeconds));
                case FAILED -> item.failedForGood(outcome.reason(), now);
                case CANCELLED -> item.cancel(outcome.reason());
                case POSTPONED -> item.postpone(outcome.reason(), now.plus(outcome.postponedFor()));
            }
        }
    }

    static String bounded(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40);
    }
}
