package org.iin.csec.certificate.domain.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/**
 * One party's signature as recorded on a certificate: when, by whom (the account that signed) and how. A certificate
 * holds one for the IIN and one for the state (each in its own columns); none while that party has not signed.
 */
@Embeddable
public class PartySignature {

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "signed_by")
    private String signedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "signed_how")
    private SigningMethod method;

    protected PartySignature() {
    }

    PartySignature(Instant signedAt, String signedBy, SigningMethod method) {
        this.signedAt = signedAt;
        this.signedBy = signedBy;
        this.method = method;
    }

    public Instant signedAt() { return signedAt; }
    public String signedBy() { return signedBy; }
    public SigningMethod method() { return method; }
}
