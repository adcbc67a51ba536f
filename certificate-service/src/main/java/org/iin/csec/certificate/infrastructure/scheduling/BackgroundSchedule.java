package org.iin.csec.certificate.infrastructure.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.certificate.application.outbox.OutboxDispatcher;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.certificate.infrastructure.persistence.DatabaseFailures;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends the outbox every few seconds (csec.outbox.interval-seconds). A failed pass never stops the next. */
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

    private ScheduledFuture<?> schedule;

    public void start() {
        if (outboxSeconds > 0) {
            schedule = executor.scheduleWithFixedDelay(this::sendOutbox, outboxSeconds, outboxSeconds,
                    TimeUnit.SECONDS);
        }
    }

    /** Every kind of outbox work, in order: a certificate delivered in this pass is announced in the same pass. */
    public void sendOutbox() {
        for (WorkKind kind : WorkKind.values()) {
            try {
                dispatcher.drain(kind);
            } catch (RuntimeException e) {
                if (DatabaseFailures.isDatabase(e)) {
                    // One line a pass while the database is away: its stack and SQL tell an operator nothing more.
                    LOG.warning("Outbox pass for " + kind + " failed: the certificate database did not answer ("
                            + e.getClass().getSimpleName() + "); the next pass will try again");
                } else {
                    LOG.log(Level.WARNING, "Outbox pass for " + kind + " failed; the next pass will try again", e);
                }
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
