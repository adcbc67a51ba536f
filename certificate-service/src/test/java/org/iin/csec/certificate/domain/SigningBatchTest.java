package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.batch.BatchStatus;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.chassis.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningBatchTest {

    private static final Instant T0 = Instant.parse("2027-06-21T09:00:00Z");

    @Test
    void countsDoneAndFailedCertificatesWithTheirReasons() {
        SigningBatch batch = new SigningBatch(Party.state("AR"), "2027-1", "sign.ar", 3, T0, T0.plusSeconds(60));

        batch.signedOne(T0.plusSeconds(1), T0.plusSeconds(61));
        batch.failedOne("2027-1/AR/0002", "Certificate 2027-1/AR/0002 is revoked", T0.plusSeconds(2), T0.plusSeconds(62));
        batch.signedOne(T0.plusSeconds(3), T0.plusSeconds(63));
        batch.complete(T0.plusSeconds(4));

        assertThat(batch.done()).isEqualTo(2);
        assertThat(batch.failed()).isEqualTo(1);
        assertThat(batch.total()).isEqualTo(3);
        assertThat(batch.failures()).containsExactly("2027-1/AR/0002: Certificate 2027-1/AR/0002 is revoked");
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.describe(T0.plusSeconds(500))).isEqualTo("COMPLETED");
    }

    @Test
    void aBatchWhoseLeaseRanOutWasInterruptedAndResumesKeepingWhatWasSigned() {
        SigningBatch batch = new SigningBatch(Party.iin(), null, "leader", 20, T0, T0.plusSeconds(60));
        for (int i = 0; i < 8; i++) {
            batch.signedOne(T0.plusSeconds(i), T0.plusSeconds(60 + i));
        }
        batch.failedOne("2027-1/AR/0009", "damaged", T0.plusSeconds(9), T0.plusSeconds(69));

        assertThat(batch.isInterrupted(T0.plusSeconds(30))).isFalse();
        assertThatThrownBy(() -> batch.resume(12, "leader", T0.plusSeconds(30), T0.plusSeconds(90)))
                .isInstanceOf(RuleViolation.class);

        Instant afterRestart = T0.plusSeconds(600);
        assertThat(batch.isInterrupted(afterRestart)).isTrue();
        assertThat(batch.describe(afterRestart)).isEqualTo("INTERRUPTED");
        batch.resume(12, "leader", afterRestart, afterRestart.plusSeconds(60));

        assertThat(batch.describe(afterRestart)).isEqualTo("RUNNING");
        assertThat(batch.done()).isEqualTo(8);
        assertThat(batch.failed()).isZero();
        assertThat(batch.failures()).isEmpty();
        assertThat(batch.total()).isEqualTo(20);
    }

    @Test
    void onlyAnInterruptedBatchIsAbandonedAndSelectionsAreComparedByPartyAndEdition() {
        SigningBatch batch = new SigningBatch(Party.state("UY"), "2027-1", "sign.uy", 5, T0, T0.plusSeconds(60));

        assertThat(batch.sameSelection(Party.state("UY"), "2027-1")).isTrue();
        assertThat(batch.sameSelection(Party.state("UY"), null)).isFalse();
        assertThat(batch.sameSelection(Party.iin(), "2027-1")).isFalse();
        assertThatThrownBy(() -> batch.abandon(T0)).isInstanceOf(IllegalStateException.class);

        batch.abandon(T0.plusSeconds(120));
        assertThat(batch.status()).isEqualTo(BatchStatus.ABANDONED);
    }
}
