package org.iin.csec.certificate.interfaces.rest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationRateLimitTest {

    private static final Instant T0 = Instant.parse("2027-06-21T09:00:00Z");

    @Test
    void eachAddressHasItsOwnAllowancePerMinute() {
        VerificationRateLimit limit = new VerificationRateLimit();
        limit.perMinute = 3;

        for (int i = 0; i < 3; i++) {
            assertThat(limit.acquire("10.0.0.1", T0.plusSeconds(i))).isZero();
        }
        assertThat(limit.acquire("10.0.0.1", T0.plusSeconds(20))).isEqualTo(41);
        assertThat(limit.acquire("10.0.0.2", T0.plusSeconds(20))).isZero();
        assertThat(limit.acquire("10.0.0.1", T0.plusSeconds(60))).isZero();
    }
}
