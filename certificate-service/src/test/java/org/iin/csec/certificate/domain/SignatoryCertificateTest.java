package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.domain.signatory.RegistrationSource;
import org.iin.csec.certificate.domain.signatory.SignatoryCertificate;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.iin.csec.chassis.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatoryCertificateTest {

    private static final Instant NOW = Instant.now();

    @Test
    void keepsTheCertificateAndRecognisesSignaturesMadeWithIt() throws Exception {
        var leader = TestCredentials.courseLeader();
        SignatoryCertificate registered = new SignatoryCertificate(Party.iin(), leader.certificate(),
                RegistrationSource.PKCS12, "leader", NOW);

        assertThat(registered.matches(leader.certificate())).isTrue();
        assertThat(registered.matches(TestCredentials.stateSignatory().certificate())).isFalse();
        assertThat(registered.certificate()).isEqualTo(leader.certificate());
        assertThat(registered.fingerprint()).hasSize(64)
                .isEqualTo(SignatoryCertificate.fingerprint(leader.certificate().getEncoded()));
        assertThat(registered.subject()).contains("Ana Lucía Gonçalves");
    }

    @Test
    void anExpiredCertificateIsNeitherRegisteredNorUsed() {
        var leader = TestCredentials.courseLeader();
        Instant nextYear = NOW.plus(Duration.ofDays(400));

        assertThatThrownBy(() -> new SignatoryCertificate(Party.iin(), leader.certificate(), RegistrationSource.PKCS12,
                "leader", nextYear)).isInstanceOf(RuleViolation.class).extracting("code")
                .isEqualTo("certificate-expired");
        SignatoryCertificate registered = new SignatoryCertificate(Party.iin(), leader.certificate(),
                RegistrationSource.CERTIFICATE, "admin", NOW);
        registered.requireValidAt(NOW);
        assertThatThrownBy(() -> registered.requireValidAt(nextYear)).isInstanceOf(RuleViolation.class)
                .extracting("code").isEqualTo("registered-certificate-expired");
    }
}
