package org.iin.csec.course.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.iin.csec.course.infrastructure.moodle.MoodleConnection;
import org.iin.csec.moodle.MoodleAccessException;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleException;
import org.iin.csec.moodle.MoodleTransportException;
import org.iin.csec.moodle.SiteInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Moodle answers (core_webservice_get_site_info), for monitoring: DOWN while a configured Moodle cannot be
 * reached or refuses the token, with the reason in words. The service itself keeps working meanwhile (Moodle work
 * waits in the outbox), so a proxy should not route by this check alone; deploy/README.md says so. Asked at most
 * every CSEC_MOODLE_HEALTH_SECONDS (30), one probe at a time, with the probe's own short timeout, so probes neither
 * load Moodle nor hang while it does. Without a configured Moodle it is UP and says so.
 */
@Readiness
@ApplicationScoped
public class MoodleHealthCheck implements HealthCheck {

    private static final String NAME = "moodle";

    private record Answer(HealthCheckResponse response, Instant until) {
    }

    @Inject
    MoodleConnection moodle;

    @Inject
    @ConfigProperty(name = "csec.moodle.health-seconds", defaultValue = "30")
    long rememberSeconds;

    private volatile Answer last;

    @Override
    public HealthCheckResponse call() {
        Answer answer = last;
        if (isStale(answer)) {
            // Probes arriving together wait for one question to Moodle (at most its short timeout) and share its answer.
            synchronized (this) {
                answer = last;
                if (isStale(answer)) {
                    answer = new Answer(ask(moodle.probe()), Instant.now().plus(Duration.ofSeconds(rememberSeconds)));
                    last = answer;
                }
            }
        }
        return answer.response();
    }

    private static boolean isStale(Answer answer) {
        return answer == null || Instant.now().isAfter(answer.until());
    }

    static HealthCheckResponse ask(Optional<MoodleClient> client) {
        if (client.isEmpty()) {
            return answer(HealthCheckResponse.Status.UP, Map.of("configured", false));
        }
        try {
            SiteInfo site = client.get().getSiteInfo();
            return answer(HealthCheckResponse.Status.UP, Map.of("configured", true, "release", String.valueOf(site.release())));
        } catch (MoodleException e) {
            // The kind of failure, in words: enough to act on, and nothing of the address or the request.
            return answer(HealthCheckResponse.Status.DOWN, Map.of("configured", true, "error", e.getClass().getSimpleName(),
                    "reason", reason(e)));
        }
    }

    static String reason(MoodleException e) {
        if (e instanceof MoodleTransportException transport) {
            return switch (transport.reason()) {
                case TIMEOUT -> "Moodle did not answer in time";
                case CONNECTION_FAILED -> "Moodle could not be reached (refused or closed the connection)";
                case HTTP_ERROR -> "Moodle's web server answered HTTP " + transport.httpStatus();
                case MALFORMED_RESPONSE -> "Moodle's answer is not JSON (an error page, or an answer cut off)";
            };
        }
        if (e instanceof MoodleAccessException) {
            return "Moodle refuses the service (" + e.errorCode() + "): check the token and the web-service user";
        }
        return "Moodle answered with an error (" + e.errorCode() + ")";
    }

    private static HealthCheckResponse answer(HealthCheckResponse.Status status, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, status, Optional.of(data));
    }
}
