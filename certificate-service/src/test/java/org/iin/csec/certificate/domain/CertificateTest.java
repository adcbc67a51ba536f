package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.certificate.PartySignature;
import org.iin.csec.certificate.domain.certificate.RevocationCategory;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.certificate.SigningMethod;
import org.iin.csec.chassis.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iin.csec.certificate.domain.certificate.SignerRole.IIN;
import static org.iin.csec.certificate.domain.certificate.SignerRole.STATE;

class CertificateTest {

    private static final Instant LATER = Certificates.ISSUED_AT.plusSeconds(3600);

    @Test
    void aNewCertificateIsIssuedLiveAndAwaitsBothParties() {
        Certificate certificate = Certificates.issued();

        assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(certificate.isLive()).isTrue();
        assertThat(certificate.awaitedSignatures()).containsExactly(IIN, STATE);
    }

    @Test
    void theIinMaySignFirst() {
        Certificate certificate = Certificates.issued();

        assertThat(certificate.recordSignature(IIN, "leader", SigningMethod.SERVER, LATER, false)).isFalse();
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(certificate.awaitedSignatures()).containsExactly(STATE);

        assertThat(certificate.recordSignature(STATE, "sign.ar", SigningMethod.UPLOAD, LATER, true)).isTrue();
        assertThat(certificate.status()).isEqualTo(CertificateStatus.SIGNED);
        assertThat(certificate.signedAt()).isEqualTo(LATER);
        assertThat(certificate.awaitedSignatures()).isEmpty();
        assertThat(certificate.signature(STATE)).map(PartySignature::method).contains(SigningMethod.UPLOAD);
    }

    @Test
    void theStateMaySignFirst() {
        Certificate certificate = Certificates.issued();

        certificate.recordSignature(STATE, "sign.ar", SigningMethod.SERVER, LATER, false);
        assertThat(certificate.awaitedSignatures()).containsExactly(IIN);
        certificate.recordSignature(IIN, "leader", SigningMethod.SERVER, LATER, true);

        assertThat(certificate.status()).isEqualTo(CertificateStatus.SIGNED);
        assertThat(certificate.signature(IIN)).map(PartySignature::signedBy).contains("leader");
        assertThat(certificate.signature(STATE)).map(PartySignature::signedBy).contains("sign.ar");
    }

    @Test
    void aPartySignsOnlyOnce() {
        Certificate certificate = Certificates.issued();
        certificate.recordSignature(IIN, "leader", SigningMethod.SERVER, LATER, false);

        assertThatThrownBy(() -> certificate.recordSignature(IIN, "leader", SigningMethod.SERVER, LATER, false))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("already-signed");
        assertThat(certificate.signature(IIN)).map(PartySignature::signedAt).contains(LATER);
    }

    @Test
    void theSecondSignatureNeedsAFileWhoseBothSignaturesVerifyAndChangesNothingOtherwise() {
        Certificate certificate = Certificates.issued();
        certificate.recordSignature(IIN, "leader", SigningMethod.SERVER, LATER, false);

        assertThatThrownBy(() -> certificate.recordSignature(STATE, "sign.ar", SigningMethod.UPLOAD, LATER, false))
                .isInstanceOf(IllegalStateException.class);
        assertThat(certificate.isSignedBy(STATE)).isFalse();
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
    }

    @Test
    void onlyASignedCertificateIsDelivered() {
        Certificate certificate = Certificates.issued();
        assertThatThrownBy(() -> certificate.markDelivered(LATER)).isInstanceOf(RuleViolation.class);

        signByBoth(certificate);
        certificate.markDelivered(LATER);

        assertThat(certificate.status()).isEqualTo(CertificateStatus.DELIVERED);
        assertThat(certificate.deliveredAt()).isEqualTo(LATER);
        assertThatThrownBy(() -> certificate.markDelivered(LATER)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void anyLiveCertificateCanBeRevokedWithAReasonAndThenNothingElse() {
        Certificate issued = Certificates.issued();
        Certificate signed = signByBoth(Certificates.issued());
        Certificate delivered = signByBoth(Certificates.issued());
        delivered.markDelivered(LATER);

        for (Certificate certificate : new Certificate[] {issued, signed, delivered}) {
            certificate.revoke(RevocationCategory.REVOKED_BY_ISSUER, "  Issued by mistake  ", "leader", LATER);
            assertThat(certificate.status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(certificate.isLive()).isFalse();
            assertThat(certificate.revocationReason()).isEqualTo("Issued by mistake");
            assertThat(certificate.revokedBy()).isEqualTo("leader");
            assertThatThrownBy(() -> certificate.revoke(RevocationCategory.REVOKED_BY_ISSUER, "again", "leader", LATER))
                    .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("already-revoked");
        }
        assertThatThrownBy(() -> issued.recordSignature(IIN, "leader", SigningMethod.SERVER, LATER, false))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("certificate-revoked");
    }

    @Test
    void aRevocationNeedsAReason() {
        Certificate certificate = Certificates.issued();

        assertThatThrownBy(() -> certificate.revoke(RevocationCategory.REVOKED_BY_ISSUER, " ", "leader", LATER))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("reason-required");
        assertThatThrownBy(() -> certificate.revoke(RevocationCategory.REVOKED_BY_ISSUER, "x".repeat(501), "leader",
                LATER)).isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("reason-too-long");
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
    }

    @Test
    void ineligibilityRevokesACertificateNotYetSignedByBoth() {
        Certificate certificate = Certificates.issued();
        certificate.recordSignature(STATE, "sign.ar", SigningMethod.SERVER, LATER, false);

        assertThat(certificate.cancelForIneligibility("course-service", LATER))
                .isEqualTo(Certificate.CancellationOutcome.REVOKED);
        assertThat(certificate.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(certificate.revocationReason()).isEqualTo("No longer eligible (corrected result)");
        assertThat(certificate.revocationCategory()).isEqualTo(RevocationCategory.NO_LONGER_ELIGIBLE);
        assertThat(certificate.cancelForIneligibility("course-service", LATER))
                .isEqualTo(Certificate.CancellationOutcome.ALREADY_REVOKED);
    }

    @Test
    void ineligibilityOnlyFlagsASignedCertificateForTheCourseLeader() {
        Certificate certificate = signByBoth(Certificates.issued());

        assertThat(certificate.cancelForIneligibility("course-service", LATER))
                .isEqualTo(Certificate.CancellationOutcome.REVOCATION_REQUESTED);
        assertThat(certificate.status()).isEqualTo(CertificateStatus.SIGNED);
        assertThat(certificate.revocationRequested()).isTrue();
        assertThat(certificate.cancelForIneligibility("course-service", LATER))
                .isEqualTo(Certificate.CancellationOutcome.ALREADY_REQUESTED);

        certificate.keepDespiteRevocationRequest();
        assertThat(certificate.revocationRequested()).isFalse();
        assertThatThrownBy(certificate::keepDespiteRevocationRequest).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aSupersededCertificatePointsToItsReplacement() {
        Certificate certificate = Certificates.issued();
        assertThatThrownBy(() -> certificate.supersededBy(9)).isInstanceOf(IllegalStateException.class);

        certificate.revoke(RevocationCategory.SUPERSEDED, "Name corrected", "leader", LATER);
        certificate.supersededBy(9);

        assertThat(certificate.replacedById()).isEqualTo(9);
    }

    private static Certificate signByBoth(Certificate certificate) {
        certificate.recordSignature(SignerRole.IIN, "leader", SigningMethod.SERVER, LATER, false);
        certificate.recordSignature(SignerRole.STATE, "sign.ar", SigningMethod.SERVER, LATER, true);
        return certificate;
    }
}
