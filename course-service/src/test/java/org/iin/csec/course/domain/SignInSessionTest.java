package org.iin.csec.course.domain;

import org.iin.csec.course.domain.account.SignInSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInSessionTest {

    private final Instant start = Instant.parse("2027-03-01T08:00:00Z");

    @Test
    void endsAfterThirtyIdleMinutes() {
        SignInSession session = new SignInSession("hash", "coord.ar", start);
        assertThat(session.isLiveAt(start.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(session.isLiveAt(start.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void useKeepsItAliveButNeverPastTwelveHours() {
        SignInSession session = new SignInSession("hash", "coord.ar", start);
        Instant t = start;
        for (int i = 0; i < 24 * 3; i++) {
            t = t.plus(Duration.ofMinutes(20));
            if (t.isBefore(start.plus(SignInSession.LIFETIME))) {
                assertThat(session.isLiveAt(t)).as("used every 20 minutes, at " + t).isTrue();
                session.seenAt(t);
            }
        }
        assertThat(session.isLiveAt(start.plus(Duration.ofHours(12)))).isFalse();
        assertThat(session.endsAt()).isEqualTo(start.plus(Duration.ofHours(12)));
    }

    @Test
    void aRequestWritesTheIdleClockAtMostOnceAMinute() {
        SignInSession session = new SignInSession("hash", "coord.ar", start);
        assertThat(session.seenAt(start.plusSeconds(30))).isFalse();
        assertThat(session.seenAt(start.plusSeconds(61))).isTrue();
        assertThat(session.endsAt()).isEqualTo(start.plusSeconds(61).plus(SignInSession.IDLE));
    }
}
