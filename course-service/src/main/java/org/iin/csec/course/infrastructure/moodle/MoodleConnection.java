package org.iin.csec.course.infrastructure.moodle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.moodle.MoodleClient;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Moodle this service talks to (CSEC_MOODLE_URL and CSEC_MOODLE_TOKEN): the real one, or in the demo an emulated
 * one that deploy/run-demo.sh runs beside the services, talked to the same way. Without them, Moodle work waits in
 * the outbox until Moodle is configured. The token is never logged.
 */
@ApplicationScoped
public class MoodleConnection {

    private static final Logger LOG = Logger.getLogger(MoodleConnection.class.getName());

    /** Readiness waits no longer than this for Moodle, whatever the sync's own timeout. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    @ConfigProperty(name = "csec.moodle.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "csec.moodle.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "csec.moodle.timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    private MoodleClient client;
    private MoodleClient probe;

    @PostConstruct
    void connect() {
        String baseUrl = url.orElse(null);
        String secret = token.orElse(null);
        if (baseUrl == null || secret == null || baseUrl.isBlank() || secret.isBlank()) {
            LOG.warning("Moodle is not configured (CSEC_MOODLE_URL, CSEC_MOODLE_TOKEN): Moodle work waits in the outbox.");
            return;
        }
        client = new MoodleClient.Builder().baseUrl(baseUrl).token(secret)
                .connectTimeout(Duration.ofSeconds(Math.min(10, timeoutSeconds)))
                .readTimeout(Duration.ofSeconds(timeoutSeconds))
                .callTimeout(Duration.ofSeconds(timeoutSeconds * 2L))
                .build();
        // Its own client: a health probe never queues behind the sync's calls, nor waits the sync's long timeout.
        Duration probeTimeout = Duration.ofSeconds(Math.min(timeoutSeconds, PROBE_TIMEOUT.toSeconds()));
        probe = new MoodleClient.Builder().baseUrl(baseUrl).token(secret).connectTimeout(probeTimeout)
                .readTimeout(probeTimeout).callTimeout(probeTimeout).maxConnections(1).build();
    }

    /** A connection to a given client, without configuration (tests). */
    static MoodleConnection to(MoodleClient client) {
        MoodleConnection connection = new MoodleConnection();
        connection.client = client;
        connection.probe = client;
        return connection;
    }

    public Optional<MoodleClient> client() {
        return Optional.ofNullable(client);
    }

    /** The same Moodle for health probes: short timeouts, one call at a time. */
    public Optional<MoodleClient> probe() {
        return Optional.ofNullable(probe);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        if (probe != null && probe != client) {
            probe.close();
        }
    }
}
