package org.iin.csec.chassis.domain;

/** The caller is known but may not do this (wrong role, or another state's data or certificate). */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
