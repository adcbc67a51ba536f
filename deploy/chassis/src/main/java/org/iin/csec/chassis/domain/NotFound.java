package org.iin.csec.chassis.domain;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
