package org.iin.csec.course.infrastructure.moodle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.emulator.CompletionRule;
import org.iin.csec.moodle.emulator.MoodleEmulator;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Moodle this service talks to: the real one (CSEC_MOODLE_URL and CSEC_MOODLE_TOKEN), or, for the demo
 * (csec.moodle.emulator=true), an emulated Moodle started in this process with a course ready. Without
 * either, Moodle work waits in the outbox until Moodle is configured. The token is never logged.
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

    @Inject
    @ConfigProperty(name = "csec.moodle.emulator", defaultValue = "false")
    boolean emulated;

    @Inject
    @ConfigProperty(name = "csec.moodle.emulator-port", defaultValue = "0")
    int emulatorPort;

    private MoodleEmulator emulator;
    private long demoCourseId;
    private long demoFaceToFaceActivityId;
    private MoodleClient client;
    private MoodleClient probe;

    @PostConstruct
    void connect() {
        String baseUrl = url.orElse(null);
        String secret = token.orElse(null);
        if (emulated) {
            emulator = MoodleEmulator.builder().port(emulatorPort).siteName("CSEC demo Moodle (emulated)", "CSEC").start();
            demoCourseId = emulator.createCourse("CSEC-101", "Curso semipresencial ESCNNA", "CSEC-101-DEMO");
            emulator.addActivity(demoCourseId, 1, "page", "Módulo 1: conceptos", CompletionRule.MANUAL);
            emulator.addActivity(demoCourseId, 1, "assign", "Trabajo final en línea", CompletionRule.MANUAL);
            demoFaceToFaceActivityId = emulator.addActivity(demoCourseId, 1, "page", "Etapa presencial", CompletionRule.MANUAL);
            emulator.requireActivityCompletion(demoCourseId);
            baseUrl = emulator.baseUrl();
            secret = emulator.token();
            LOG.info("Moodle is emulated in this process at " + baseUrl + " (demo only).");
        }
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

    /** The emulated Moodle of the demo, if this process runs one. */
    public Optional<MoodleEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** In the demo: the emulated course and its face-to-face activity. */
    public long demoCourseId() {
        return demoCourseId;
    }

    public long demoFaceToFaceActivityId() {
        return demoFaceToFaceActivityId;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        if (probe != null && probe != client) {
            probe.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }
}
