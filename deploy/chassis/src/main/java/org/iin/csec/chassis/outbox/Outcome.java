package org.iin.csec.chassis.outbox;

import java.time.Duration;

/**
 * What became of one item: done (with the other system's id for what it made, e.g. the Moodle user id), to be
 * retried later (with back-off), failed for good with a reason a person can act on, cancelled (no longer wanted),
 * or postponed without counting as an attempt.
 */
public record Outcome(Result result, String reason, Long reference, Duration postponedFor) {

    public enum Result {
        DONE,
        RETRY,
        FAILED,
        CANCELLED,
        POSTPONED
    }

    public static Outcome done() {
        return done(null);
    }

    public static Outcome done(Long reference) {
        return new Outcome(Result.DONE, null, reference, null);
    }

    public static Outcome retry(String reason) {
        return new Outcome(Result.RETRY, reason, null, null);
    }

    public static Outcome failed(String reason) {
        return new Outcome(Result.FAILED, reason, null, null);
    }

    /** A failure as the other system reported it: retried later when a retry can help, stopped otherwise. */
    public static Outcome failure(String reason, boolean retryable) {
        return retryable ? retry(reason) : failed(reason);
    }

    public static Outcome cancelled(String reason) {
        return new Outcome(Result.CANCELLED, reason, null, null);
    }

    public static Outcome postponed(String reason, Duration wait) {
        return new Outcome(Result.POSTPONED, reason, null, wait);
    }
}
