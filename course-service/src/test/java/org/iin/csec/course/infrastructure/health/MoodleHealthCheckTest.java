package org.iin.csec.course.infrastructure.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What monitoring sees of Moodle: up, down for each way it fails, and never the token. */
class MoodleHealthCheckTest {

    private MoodleEmulator moodle;
    private MoodleClient client;

    @BeforeEach
    void start() {
        moodle = MoodleEmulator.start();
        client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token())
                .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(3)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        moodle.close();
    }

    @Test
    void upWhenMoodleAnswersAndUpButSayingSoWhenNoMoodleIsConfigured() {
        HealthCheckResponse up = MoodleHealthCheck.ask(Optional.of(client));
        assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(up.getData().orElseThrow()).containsEntry("configured", true).containsKey("release");

        HealthCheckResponse none = MoodleHealthCheck.ask(Optional.empty());
        assertThat(none.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(none.getData().orElseThrow()).containsEntry("configured", false);
    }

    @Test
    void downWhenMoodleFailsInAnyWayItCan() {
        for (Fault fault : new Fault[] {Fault.httpStatus(503), Fault.htmlPage(), Fault.truncatedJson(),
                Fault.invalidToken(), Fault.connectionClosed(), Fault.slow(Duration.ofSeconds(5))}) {
            moodle.clearFaults();
            moodle.injectFault(fault);
            HealthCheckResponse down = MoodleHealthCheck.ask(Optional.of(client));
            assertThat(down.getStatus()).as(fault.kind().name()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(down.getData().orElseThrow().toString()).as(fault.kind().name())
                    .doesNotContain(moodle.token()).contains("Moodle");
        }
    }
}
