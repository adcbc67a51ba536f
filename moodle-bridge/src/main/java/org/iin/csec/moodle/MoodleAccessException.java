package org.iin.csec.moodle;

/**
 * The token, the external service or the web-service user's capabilities do not allow the call ({@code invalidtoken},
 * {@code accessexception}, {@code requireloginerror}, {@code nopermissions}, {@code wsusercannotassign}...). Only an
 * administrator can fix it, in Moodle or in the bridge's configuration.
 */
public final class MoodleAccessException extends MoodleErrorException {

    private static final long serialVersionUID = 1L;

    MoodleAccessException(String function, String exceptionClass, String errorCode, String message,
            String debugInfo) {
        super(function, exceptionClass, errorCode, message, debugInfo);
    }
}
