package org.iin.csec.course.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.iin.csec.chassis.outbox.WorkStatus;
import org.iin.csec.course.domain.outbox.Outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The sync backlog and its failures, as gauges at /metrics: work waiting for Moodle, certificate-service or the
 * mail server (csec_outbox_pending), and work stopped for a reason a retry cannot fix (csec_outbox_failed; see the
 * edition's moodle-sync page). Counted at most every 10 seconds, so scraping costs the database nothing.
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private record Counts(long pending, long failed, Instant until) {
    }

    @Inject
    Outbox outbox;

    private volatile Counts counts;

    @Gauge(name = "csec_outbox_pending", absolute = true, unit = MetricUnits.NONE,
            description = "Outbox items waiting to be sent (Moodle, certificate hand-offs, e-mail)")
    public long pending() {
        return counts().pending();
    }

    @Gauge(name = "csec_outbox_failed", absolute = true, unit = MetricUnits.NONE,
            description = "Outbox items that failed for good and wait for a person (retry from the sync page)")
    public long failed() {
        return counts().failed();
    }

    private Counts counts() {
        Counts now = counts;
        if (now == null || Instant.now().isAfter(now.until())) {
            now = new Counts(outbox.count(WorkStatus.PENDING), outbox.count(WorkStatus.FAILED),
                    Instant.now().plus(FRESH_FOR));
            counts = now;
        }
        return now;
    }
}
