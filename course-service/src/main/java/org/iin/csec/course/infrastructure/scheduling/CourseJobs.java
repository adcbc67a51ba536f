package org.iin.csec.course.infrastructure.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.chassis.scheduling.BackgroundSchedule;
import org.iin.csec.course.infrastructure.moodle.OnlineStageRefresh;
import org.iin.csec.course.infrastructure.security.SignInSessions;

import java.time.Duration;

/**
 * The course's background work: the outbox (the chassis's schedule), Moodle completion every few minutes
 * (CSEC_MOODLE_COMPLETION_INTERVAL_MINUTES) and ended sign-in sessions hourly.
 */
@ApplicationScoped
public class CourseJobs {

    @Inject
    BackgroundSchedule schedule;

    @Inject
    OnlineStageRefresh onlineStage;

    @Inject
    SignInSessions sessions;

    @Inject
    @ConfigProperty(name = "csec.moodle.completion-interval-minutes", defaultValue = "15")
    long completionMinutes;

    public void start() {
        schedule.start();
        if (completionMinutes > 0) {
            Duration interval = Duration.ofMinutes(completionMinutes);
            schedule.every(interval, interval, "Reading completion from Moodle", () -> onlineStage.refresh(null));
        }
        schedule.every(Duration.ofMinutes(1), Duration.ofHours(1), "Removing ended sign-in sessions",
                sessions::removeEnded);
    }
}
