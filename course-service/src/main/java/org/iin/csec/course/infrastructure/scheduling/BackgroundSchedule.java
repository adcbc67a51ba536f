package org.iin.csec.course.infrastructure.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.course.application.outbox.OutboxDispatcher;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.infrastructure.moodle.OnlineStageRefresh;
import org.iin.csec.course.infrastructure.security.SignInSessions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's background work: the outbox every few seconds (CSEC_OUTBOX_INTERVAL_SECONDS) and Moodle
 * completion every few minutes (CSEC_MOODLE_COMPLETION_INTERVAL_MINUTES), ended sign-in sessions hourly. A failed
 * pass never stops the next.
 */
@ApplicationScoped
public class BackgroundSchedule {

    private static final Logger LOG = Logger.getLogger(BackgroundSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    OnlineStageRefresh onlineStage;

    @Inject
    SignInSessions sessions;

    @Inject
    @ConfigProperty(name = "csec.outbox.interval-seconds", defaultValue = "5")
    long outboxSeconds;

    @Inject
    @ConfigProperty(name = "csec.moodle.completion-interval-minutes", defaultValue = "15")
    long completionMinutes;

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

    public void start() {
        if (outboxSeconds > 0) {
            schedules.add(executor.scheduleWithFixedDelay(this::sendOutbox, outboxSeconds, outboxSeconds, TimeUnit.SECONDS));
        }
        if (completionMinutes > 0) {
            schedules.add(executor.scheduleWithFixedDelay(this::readCompletion, completionMinutes, completionMinutes,
                    TimeUnit.MINUTES));
        }
        schedules.add(executor.scheduleWithFixedDelay(this::removeEndedSessions, 1, 60, TimeUnit.MINUTES));
    }

    /** Every kind of outbox work, one after the other. */
    public void sendOutbox() {
        for (WorkKind kind : WorkKind.values()) {
            try {
                dispatcher.drain(kind);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Outbox pass for " + kind + " failed; the next pass will try again", e);
            }
        }
    }

    private void readCompletion() {
        try {
            onlineStage.refresh(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading completion from Moodle failed; the next pass will try again", e);
        }
    }

    private void removeEndedSessions() {
        try {
            sessions.removeEnded();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Removing ended sign-in sessions failed; the next pass will try again", e);
        }
    }

    @PreDestroy
    void stop() {
        schedules.forEach(s -> s.cancel(false));
    }
}
