package org.iin.csec.moodle;

/**
 * Moodle did not give a usable answer: it could not be reached, it was too slow, it answered with an HTTP error, or
 * the body was not the JSON it promised (an HTML error page, a body cut short). Retryable, except for HTTP statuses
 * that mean the address is wrong (404) or access is refused at the web server (401, 403).
 */
public final class MoodleTransportException extends MoodleException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** Connection refused, reset or closed before the answer, unknown host. */
        CONNECTION_FAILED("connectionfailed"),
        /** The connect, read or whole-call timeout passed. */
        TIMEOUT("timeout"),
        /** An HTTP status other than 200. */
        HTTP_ERROR("httperror"),
        /** HTTP 200, but not JSON: an HTML page, XML, truncated or empty JSON. */
        MALFORMED_RESPONSE("malformedresponse");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;
    private final int httpStatus;

    MoodleTransportException(String function, Reason reason, int httpStatus, String message, Throwable cause) {
        super(function, message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status for {@link Reason#HTTP_ERROR} and {@link Reason#MALFORMED_RESPONSE}, else 0. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String errorCode() {
        return reason.code;
    }

    @Override
    public boolean isRetryable() {
        return reason != Reason.HTTP_ERROR || httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
    }
}
