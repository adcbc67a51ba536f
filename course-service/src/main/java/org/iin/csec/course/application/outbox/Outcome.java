package org.iin.csec.course.application.outbox;

/**
 * What became of one item: done (with the other system's id for what it made, e.g. the Moodle user id), to be
 * retried later, or failed for good with a reason a person can act on.
 */
public record Outcome(Result result, String reason, Long reference) {

    public enum Result {
        DONE,
        RETRY,
        FAILED
    }

    public static Outcome done(Long reference) {
        return new Outcome(Result.DONE, null, reference);
    }

    public static Outcome retry(String reason) {
        return new Outcome(Result.RETRY, reason, null);
    }

    public static Outcome failed(String reason) {
        return new Outcome(Result.FAILED, reason, null);
    }

    /** A failure as the other system reported it: retried later when a retry can help, stopped otherwise. */
    public static Outcome failure(String reason, boolean retryable) {
        return retryable ? retry(reason) : failed(reason);
    }
}
