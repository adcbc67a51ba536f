package org.iin.csec.moodle;

/**
 * Moodle rejected the data sent ({@code invalidparameter}). With debugging off Moodle gives the same opaque message
 * for a taken username or e-mail, an invalid e-mail, a missing field or a bad value; {@link #debugInfo()} tells them
 * apart only when site debugging is on.
 */
public final class MoodleInvalidParameterException extends MoodleErrorException {

    private static final long serialVersionUID = 1L;

    MoodleInvalidParameterException(String function, String exceptionClass, String errorCode, String message,
            String debugInfo) {
        super(function, exceptionClass, errorCode, message, debugInfo);
    }
}
