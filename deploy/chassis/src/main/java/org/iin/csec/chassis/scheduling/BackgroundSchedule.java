package org.iin.csec.chassis.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.chassis.outbox.OutboxDispatcher;
import org.iin.csec.chassis.persistence.DatabaseFailures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's background work on a timer: the outbox every few seconds (csec.outbox.interval-seconds), and
 * whatever else the service asks for. A failed pass never stops the next; while the database is away, a pass says so
 * in one line, since its stack and SQL tell an operator nothing more.
 */
@ApplicationScoped
public class BackgroundSchedule {

    private static final Logger LOG = Logger.getLogger(BackgroundSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "csec.outbox.interval-seconds", defaultValue = "5")
    long outboxSeconds;

    @Inject
    @ConfigProperty(name = "csec.service.name")
    String service;

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    /** Starts sending the outbox. */
    public void start() {
        if (outboxSeconds > 0) {
            Duration interval = Duration.ofSeconds(outboxSeconds);
            schedules.add(executor.scheduleWithFixedDelay(this::sendOutbox, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS));
        }
    }

    /** Runs {@code work} after {@code first}, then every {@code period}; {@code what} names it in the log. */
    public void every(Duration first, Duration period, String what, Runnable work) {
        schedules.add(executor.scheduleWithFixedDelay(() -> pass(what, work), first.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** One outbox pass: each kind of work in the service's order, on its own, so one failing stops no other. */
    void sendOutbox() {
        dispatcher.kinds().forEach(kind -> pass("Outbox pass for " + kind, () -> dispatcher.drain(kind)));
    }

    private void pass(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isDatabase(e)) {
                LOG.warning(what + " failed: the " + service + " database did not answer ("
                        + e.getClass().getSimpleName() + "); the next pass will try again");
            } else {
                LOG.log(Level.WARNING, what + " failed; the next pass will try again", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        schedules.forEach(s -> s.cancel(false));
    }
}
