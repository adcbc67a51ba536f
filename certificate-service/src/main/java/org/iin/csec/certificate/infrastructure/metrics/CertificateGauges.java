package org.iin.csec.certificate.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.outbox.Outbox;
import org.iin.csec.chassis.outbox.WorkStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * Gauges at /metrics: certificates issued and still missing a signature, and this service's outbox (e-mail to
 * learners, notices to course-service) waiting or failed. Names differ from course-service's, which shares the
 * registry when both run in one Payara Micro. Counted at most every 10 seconds.
 */
@ApplicationScoped
public class CertificateGauges {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private record Counts(long awaitingSignature, long pending, long failed, Instant until) {
    }

    @Inject
    CertificateRepository certificates;

    @Inject
    Outbox outbox;

    private volatile Counts counts;

    @Gauge(name = "csec_certificates_awaiting_signature", absolute = true, unit = MetricUnits.NONE,
            description = "Certificates issued and still missing one or both signatures")
    public long awaitingSignature() {
        return counts().awaitingSignature();
    }

    @Gauge(name = "csec_certificate_outbox_pending", absolute = true, unit = MetricUnits.NONE,
            description = "Certificate e-mails and notices to course-service waiting to be sent")
    public long pending() {
        return counts().pending();
    }

    @Gauge(name = "csec_certificate_outbox_failed", absolute = true, unit = MetricUnits.NONE,
            description = "Certificate e-mails and notices that failed for good and wait for a person")
    public long failed() {
        return counts().failed();
    }

    private Counts counts() {
        Counts now = counts;
        if (now == null || Instant.now().isAfter(now.until())) {
            now = new Counts(certificates.count(CertificateStatus.ISSUED), outbox.count(WorkStatus.PENDING),
                    outbox.count(WorkStatus.FAILED), Instant.now().plus(FRESH_FOR));
            counts = now;
        }
        return now;
    }
}
