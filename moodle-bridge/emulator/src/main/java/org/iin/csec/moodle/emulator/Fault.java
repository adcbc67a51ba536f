package org.iin.csec.moodle.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A way for the emulated Moodle to fail, injected with {@link MoodleEmulator#injectFault(Fault)}.
 *
 * @param kind what goes wrong
 * @param httpStatus the status answered, for {@link Kind#HTTP_STATUS}
 * @param delay how long the answer is held back, for {@link Kind#SLOW}
 */
public record Fault(Kind kind, int httpStatus, Duration delay) {

    /** What goes wrong. */
    public enum Kind {
        /** Nothing listens on the port any more: the client's connection is refused. */
        CONNECTION_REFUSED,
        /** The request is read, then the connection is closed without an answer; the function does not run. */
        CONNECTION_CLOSED,
        /** An HTTP error status with an HTML page, as a proxy or a crashed PHP worker gives; the function does not run. */
        HTTP_STATUS,
        /** The function runs, but the answer is held back for {@link #delay()}, past the client's timeout. */
        SLOW,
        /** The token is rejected ({@code invalidtoken}), as after it was revoked in Moodle. */
        INVALID_TOKEN,
        /** HTTP 200 with an HTML error page instead of JSON; the function does not run. */
        HTML_PAGE,
        /** The function runs, but only the first half of its JSON answer is sent, as when PHP dies mid-output. */
        TRUNCATED_JSON
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
    }

    public static Fault connectionRefused() {
        return new Fault(Kind.CONNECTION_REFUSED, 0, null);
    }

    public static Fault connectionClosed() {
        return new Fault(Kind.CONNECTION_CLOSED, 0, null);
    }

    public static Fault httpStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP error status: " + status);
        }
        return new Fault(Kind.HTTP_STATUS, status, null);
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, Objects.requireNonNull(delay, "delay"));
    }

    public static Fault invalidToken() {
        return new Fault(Kind.INVALID_TOKEN, 0, null);
    }

    public static Fault htmlPage() {
        return new Fault(Kind.HTML_PAGE, 0, null);
    }

    public static Fault truncatedJson() {
        return new Fault(Kind.TRUNCATED_JSON, 0, null);
    }
}
