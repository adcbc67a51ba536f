package org.iin.csec.course.application;

/** The caller is known but may not do this (wrong role, or another state's data). */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
