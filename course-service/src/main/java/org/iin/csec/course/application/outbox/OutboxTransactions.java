package org.iin.csec.course.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;

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
    Outbox outbox;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "csec.outbox.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxItem> claim(WorkKind kind, int limit) {
        Instant now = clock.instant();
        return outbox.claim(kind, INSTANCE, limit, now, now.plus(Duration.ofSeconds(leaseSeconds)));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(List<OutboxItem> items, Map<Long, Outcome> outcomes, WorkHandler handler) {
        Instant now = clock.instant();
        for (OutboxItem claimed : items) {
            OutboxItem item = em.find(OutboxItem.class, claimed.id());
            Outcome outcome = outcomes.getOrDefault(item.id(), Outcome.retry("No answer for this item; will try again."));
            switch (outcome.result()) {
                case DONE -> {
                    handler.onDone(item, outcome);
                    item.succeeded(now);
                }
                case RETRY -> item.failedForNow(outcome.reason(), now);
                case FAILED -> item.failedForGood(outcome.reason(), now);
            }
        }
    }

    /** Makes the edition's work that waits out a back-off due now (see {@link Outbox#bringForward}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int bringForward(String editionCode) {
        return outbox.bringForward(editionCode, clock.instant());
    }

    static String bounded(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40);
    }
}
