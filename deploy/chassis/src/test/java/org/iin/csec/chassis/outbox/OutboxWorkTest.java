package org.iin.csec.chassis.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxWorkTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

    /** A service's outbox item, as far as the engine sees it. */
    private static final class Item extends OutboxWork {
        enum Kind { SEND }

        Item() {
            super(NOW);
        }

        @Override
        public Kind kind() {
            return Kind.SEND;
        }
    }

    @Test
    void retryableFailuresWaitTwiceAsLongEachTimeUpToAnHour() {
        Item item = new Item();

        item.failedForNow("Moodle did not answer in time", NOW, FIRST_RETRY);
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        item.failedForNow("HTTP 503", NOW, FIRST_RETRY);
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
        for (int i = 0; i < 30; i++) {
            item.failedForNow("still down", NOW, FIRST_RETRY);
        }
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
        assertThat(item.attempts()).isEqualTo(32);
        assertThat(item.lastError()).isEqualTo("still down");
    }

    @Test
    void aPermanentFailureStopsUntilRetriedByHandAndDoneWorkStaysDone() {
        Item item = new Item();

        item.failedForGood("Moodle refused the token (invalidtoken)", NOW);
        assertThat(item.status()).isEqualTo(WorkStatus.FAILED);
        assertThat(item.lastError()).contains("invalidtoken");

        Instant later = NOW.plusSeconds(600);
        item.retryNow(later);
        assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
        assertThat(item.nextAttemptAt()).isEqualTo(later);

        item.succeeded(later);
        item.retryNow(later.plusSeconds(1));
        item.cancel("too late");
        assertThat(item.status()).isEqualTo(WorkStatus.DONE);
        assertThat(item.lastError()).isNull();
    }

    @Test
    void aPostponementIsNotAnAttempt() {
        Item item = new Item();

        item.postpone("held", NOW.plusSeconds(600));

        assertThat(item.attempts()).isZero();
        assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(600));
    }
}
