package org.iin.csec.course.infrastructure.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.course.application.outbox.OutboxDispatcher;
import org.iin.csec.course.domain.outbox.WorkKind;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends the outbox every few seconds (CSEC_OUTBOX_INTERVAL_SECONDS); a failed pass never stops the next. */
@ApplicationScoped
public class OutboxScheduler {

    private static final Logger LOG = Logger.getLogger(OutboxScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    @ConfigProperty(name = "csec.outbox.interval-seconds", defaultValue = "5")
    long intervalSeconds;

    private ScheduledFuture<?> schedule;

    public void start() {
        if (intervalSeconds <= 0) {
            LOG.info("The outbox is not sent on a timer (csec.outbox.interval-seconds <= 0).");
            return;
        }
        schedule = executor.scheduleWithFixedDelay(this::sendAll, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** Every kind of work, one after the other. */
    public void sendAll() {
        for (WorkKind kind : WorkKind.values()) {
            try {
                dispatcher.drain(kind);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox pass for " + kind + " failed; next pass in " + intervalSeconds + " s", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
