package org.iin.csec.moodle;

/**
 * A failed call to Moodle. {@link #isRetryable()} tells a failure that may pass if the same call is made again later
 * (Moodle down or overloaded, a timeout, a broken answer) from one that will fail again until someone changes the
 * data or Moodle's configuration. Messages name the function and never contain the token.
 */
public abstract sealed class MoodleException extends Exception
        permits MoodleTransportException, MoodleErrorException {

    private static final long serialVersionUID = 1L;

    private final String function;

    MoodleException(String function, String message, Throwable cause) {
        super(message, cause);
        this.function = function;
    }

    /** The web-service function that was called, e.g. {@code core_user_create_users}. */
    public String function() {
        return function;
    }

    /** Moodle's {@code errorcode}, or for failures before Moodle answered, one of {@link MoodleTransportException}'s. */
    public abstract String errorCode();

    /** True when the same call may succeed later without any change. */
    public abstract boolean isRetryable();
}
