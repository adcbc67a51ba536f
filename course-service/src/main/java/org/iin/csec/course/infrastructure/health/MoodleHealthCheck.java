package org.iin.csec.course.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.iin.csec.course.infrastructure.moodle.MoodleConnection;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleException;
import org.iin.csec.moodle.SiteInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Whether Moodle answers (core_webservice_get_site_info), for monitoring: DOWN while a configured Moodle cannot be
 * reached or refuses the token. The service itself keeps working meanwhile (Moodle work waits in the outbox), so a
 * proxy should not route by this check alone; deploy/README.md says so. Asked at most every 30 seconds, so probes
 * do not load Moodle. Without a configured Moodle it is UP and says so.
 */
@Readiness
@ApplicationScoped
public class MoodleHealthCheck implements HealthCheck {

    private static final Duration REMEMBER = Duration.ofSeconds(30);
    private static final String NAME = "moodle";

    private record Answer(HealthCheckResponse response, Instant until) {
    }

    @Inject
    MoodleConnection moodle;

    private volatile Answer last;

    @Override
    public HealthCheckResponse call() {
        Answer answer = last;
        if (answer == null || Instant.now().isAfter(answer.until())) {
            answer = new Answer(ask(moodle.client()), Instant.now().plus(REMEMBER));
            last = answer;
        }
        return answer.response();
    }

    static HealthCheckResponse ask(Optional<MoodleClient> client) {
        if (client.isEmpty()) {
            return answer(HealthCheckResponse.Status.UP, Map.of("configured", false));
        }
        try {
            SiteInfo site = client.get().getSiteInfo();
            return answer(HealthCheckResponse.Status.UP, Map.of("configured", true, "release", String.valueOf(site.release())));
        } catch (MoodleException e) {
            // The kind of failure only: enough to act on, and nothing of the address or the request.
            return answer(HealthCheckResponse.Status.DOWN, Map.of("configured", true, "error", e.getClass().getSimpleName()));
        }
    }

    private static HealthCheckResponse answer(HealthCheckResponse.Status status, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, status, Optional.of(data));
    }
}
