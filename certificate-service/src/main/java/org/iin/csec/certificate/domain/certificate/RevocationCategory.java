package org.iin.csec.certificate.domain.certificate;

/**
 * Why a certificate was revoked, as the public verification page may say it. The reason written by the course
 * leader stays internal: it may name people or circumstances that are nobody else's business.
 */
public enum RevocationCategory {
    /** A corrected result made the participant ineligible before the certificate was signed. */
    NO_LONGER_ELIGIBLE,
    /** Replaced by a corrected certificate with a new number and verification code. */
    SUPERSEDED,
    /** Revoked by the IIN for another reason. */
    REVOKED_BY_ISSUER
}
