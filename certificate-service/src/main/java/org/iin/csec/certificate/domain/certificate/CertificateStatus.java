package org.iin.csec.certificate.domain.certificate;

/**
 * Where a certificate is in its life (DESIGN §2). Which party signed is recorded beside the status: a certificate
 * signed by one party only is still {@link #ISSUED}, because either party may sign first.
 */
public enum CertificateStatus {
    /** The PDF exists with its two signature fields; one or both signatures are missing. */
    ISSUED,
    /** Both signatures are present and valid. */
    SIGNED,
    /** The learner was sent the signed PDF. */
    DELIVERED,
    /** No longer valid, with a reason; kept, never deleted, so its verification code still answers. */
    REVOKED
}
