package org.iin.csec.certificate.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.iin.csec.certificate.infrastructure.metrics.CertificateGauges;
import org.iin.csec.certificate.infrastructure.persistence.ReconnectRetries;
import org.iin.csec.certificate.infrastructure.scheduling.BackgroundSchedule;
import org.iin.csec.certificate.infrastructure.security.ServiceToken;

/**
 * Runs at deployment, before the service takes requests: migrates the schema, makes a request fail fast while the
 * database is away, says what is missing from the configuration, then starts sending the outbox.
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

    @Inject
    ReconnectRetries reconnectRetries;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        schemaMigration.migrate();
        reconnectRetries.shorten();
        serviceToken.warnIfMissing();
        backgroundSchedule.start();
        // Gauges are registered when their bean is first made: make it now, so /metrics has them from the start.
        gauges.awaitingSignature();
    }
}
