package org.iin.csec.certificate.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iin.csec.certificate.infrastructure.metrics.CertificateGauges;
import org.iin.csec.certificate.infrastructure.security.ServiceToken;
import org.iin.csec.chassis.scheduling.BackgroundSchedule;

/**
 * Runs at deployment, before the service takes requests: migrates the schema, says what is missing from the
 * configuration, then starts sending the outbox.
 */
@ApplicationScoped
public class ServiceStartup {

    @Inject
    SchemaMigration schemaMigration;

    @Inject
    ServiceToken serviceToken;

    @Inject
    BackgroundSchedule backgroundSchedule;

    @Inject
    CertificateGauges gauges;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        schemaMigration.migrate();
        serviceToken.warnIfMissing();
        backgroundSchedule.start();
        // Gauges are registered when their bean is first made: make it now, so /metrics has them from the start.
        gauges.awaitingSignature();
    }
}
