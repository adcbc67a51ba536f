package org.iin.csec.certificate.application.signing;

/** A signing credential could not be opened: wrong passphrase, damaged file, or no single private key in it. */
public class InvalidCredentialException extends RuntimeException {
    public InvalidCredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
