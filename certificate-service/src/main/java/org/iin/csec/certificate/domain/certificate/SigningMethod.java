package org.iin.csec.certificate.domain.certificate;

/** How a party's signature reached the certificate. */
public enum SigningMethod {
    /** Signed by the service with the signatory's PKCS#12, unlocked for that request or batch only. */
    SERVER,
    /** Signed elsewhere (e.g. with a national digital ID) and uploaded; checked against the registered certificate. */
    UPLOAD
}
