package org.iin.csec.course.domain.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxItemTest {

    private final Instant now = Instant.parse("2027-03-01T12:00:00Z");

    @Test
    void retryableFailuresWaitLongerEachTimeUpToAnHour() {
        OutboxItem item = new OutboxItem(WorkKind.MOODLE_ENROL, "2027-1", 7, now);

        item.failedForNow("Moodle did not answer in time", now);
        assertThat(item.nextAttemptAt()).isEqualTo(now.plusSeconds(10));
        item.failedForNow("HTTP 503", now);
        assertThat(item.nextAttemptAt()).isEqualTo(now.plusSeconds(20));
        for (int i = 0; i < 30; i++) {
            item.failedForNow("still down", now);
        }
        assertThat(item.nextAttemptAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
        assertThat(item.attempts()).isEqualTo(32);
        assertThat(item.lastError()).isEqualTo("still down");
    }

    @Test
    void aPermanentFailureStopsUntilRetriedByHand() {
        OutboxItem item = new OutboxItem(WorkKind.MOODLE_ENROL, "2027-1", 7, now);

        item.failedForGood("Moodle refused the token (invalidtoken)", now);
        assertThat(item.status()).isEqualTo(WorkStatus.FAILED);
        assertThat(item.lastError()).contains("invalidtoken");

        Instant later = now.plusSeconds(600);
        item.retryNow(later);
        assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
        assertThat(item.nextAttemptAt()).isEqualTo(later);

        item.succeeded(later);
        item.retryNow(later.plusSeconds(1));
        assertThat(item.status()).isEqualTo(WorkStatus.DONE);
        assertThat(item.lastError()).isNull();
    }
}
