package org.iin.csec.certificate.application;

/** The caller is known but may not do this (wrong role, or another state's certificate). */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
