package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.certificate.domain.outbox.WorkStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxItemTest {

    private static final Instant NOW = Instant.parse("2027-06-21T09:00:00Z");

    @Test
    void aFailureForNowWaitsTwiceAsLongEachTimeUpToAnHour() {
        OutboxItem item = new OutboxItem(WorkKind.NOTIFY_CERTIFIED, 1, NOW);

        item.failedForNow("HTTP 500", NOW, Duration.ofSeconds(10));
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        item.failedForNow("HTTP 500", NOW, Duration.ofSeconds(10));
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
        for (int i = 0; i < 20; i++) {
            item.failedForNow("HTTP 500", NOW, Duration.ofSeconds(10));
        }
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
        assertThat(item.lastError()).isEqualTo("HTTP 500");
    }

    @Test
    void aPostponementIsNotAnAttemptAndAFailureForGoodWaitsForAPerson() {
        OutboxItem item = new OutboxItem(WorkKind.MAIL_CERTIFICATE, 1, NOW);

        item.postpone("held", NOW.plusSeconds(600));
        assertThat(item.attempts()).isZero();
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(600));

        item.failedForGood("address refused", NOW);
        assertThat(item.status()).isEqualTo(WorkStatus.FAILED);
        item.retryNow(NOW.plusSeconds(5));
        assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
        assertThat(item.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));

        item.succeeded(NOW.plusSeconds(6));
        item.cancel("too late");
        assertThat(item.status()).isEqualTo(WorkStatus.DONE);
    }
}
