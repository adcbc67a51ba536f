package org.iin.csec.certificate.application;

/** The request is valid but collides with work already under way (e.g. a signing batch still running). */
public class Conflict extends RuntimeException {

    private final String code;

    public Conflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
