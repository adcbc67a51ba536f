package org.iin.csec.certificate.application.outbox;

import java.time.Duration;

/**
 * What became of one item: done, to be retried later (with back-off), failed for good with a reason a person can
 * act on, cancelled (no longer wanted), or postponed without counting as an attempt.
 */
public record Outcome(Result result, String reason, Duration postponedFor) {

    public enum Result {
        DONE,
        RETRY,
        FAILED,
        CANCELLED,
        POSTPONED
    }

    public static Outcome done() {
        return new Outcome(Result.DONE, null, null);
    }

    public static Outcome retry(String reason) {
        return new Outcome(Result.RETRY, reason, null);
    }

    public static Outcome failed(String reason) {
        return new Outcome(Result.FAILED, reason, null);
    }

    public static Outcome cancelled(String reason) {
        return new Outcome(Result.CANCELLED, reason, null);
    }

    public static Outcome postponed(String reason, Duration wait) {
        return new Outcome(Result.POSTPONED, reason, wait);
    }
}
