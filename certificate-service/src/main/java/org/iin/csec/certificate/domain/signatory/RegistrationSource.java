package org.iin.csec.certificate.domain.signatory;

/** What the signatory uploaded to register: only the certificate is ever kept. */
public enum RegistrationSource {
    /** A PKCS#12 file with its passphrase, for signing on the server; its private key was discarded. */
    PKCS12,
    /** A public certificate (PEM or DER), for signing elsewhere and uploading the signed PDF. */
    CERTIFICATE
}
