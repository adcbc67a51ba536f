package org.iin.csec.course.infrastructure.security;

import org.iin.csec.chassis.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2027-03-01T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fourWrongPasswordsCostNothingTheFifthCostsAMinute() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("coord.ar");
        }
        assertThat(throttle.waitFor("coord.ar")).isZero();
        throttle.failed("coord.ar");
        assertThat(throttle.waitFor("coord.ar")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("COORD.AR ")).as("the same name, however typed").isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("coord.uy")).as("other names are not slowed").isZero();
    }

    @Test
    void theWaitDoublesUpToFifteenMinutesAndEndsWithARightPassword() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            throttle.failed("x");
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("x")).isZero();
        throttle.failed("x");
        assertThat(throttle.waitFor("x")).isEqualTo(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            throttle.failed("x");
        }
        assertThat(throttle.waitFor("x")).isEqualTo(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(15));
        throttle.succeeded("x");
        throttle.failed("x");
        assertThat(throttle.waitFor("x")).as("a success starts the count again").isZero();
    }
}
