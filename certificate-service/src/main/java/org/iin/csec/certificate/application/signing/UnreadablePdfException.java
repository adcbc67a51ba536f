package org.iin.csec.certificate.application.signing;

/** The bytes are not a PDF iText can read, so no signature in them can be trusted. */
public class UnreadablePdfException extends RuntimeException {
    public UnreadablePdfException(String message, Throwable cause) {
        super(message, cause);
    }
}
