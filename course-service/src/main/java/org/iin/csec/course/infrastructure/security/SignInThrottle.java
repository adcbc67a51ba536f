package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. After {@link #FREE_FAILURES} wrong passwords in a row for one user name, that
 * name is refused for one minute, then two, four, up to fifteen, whatever the password; a right password
 * once the wait is over starts again from zero. Unknown names count the same, so the wait tells nothing
 * about which accounts exist. Kept per instance: with n instances a guesser gets at most n times as many tries.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    private static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant refusedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this user name must still wait before a password is checked; zero when it may try now. */
    public Duration waitFor(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.refusedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.refusedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** What a throttled caller is told, and the seconds for its Retry-After: one wording for every way in. */
    public static String refusal(Duration wait) {
        return "Too many wrong passwords for this user name. Try again in " + (retryAfterSeconds(wait) + 59) / 60
                + " minute(s).";
    }

    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds());
    }

    public void failed(String username) {
        if (failures.size() >= MAX_TRACKED) {
            failures.clear();
        }
        failures.compute(key(username), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            if (count < FREE_FAILURES) {
                return new Failures(count, null);
            }
            long doublings = Math.min(count - FREE_FAILURES, 4);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            return new Failures(count, clock.instant().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait));
        });
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
