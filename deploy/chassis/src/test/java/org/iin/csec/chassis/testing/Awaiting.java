package org.iin.csec.chassis.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/**
 * The one way the tests wait for something to happen: Awaitility, set up as the hand-written poll loops it replaced
 * behaved. The condition is checked at once (no first delay: a test that notes when a condition became true still
 * measures the same thing) and in the test's own thread (with the same HTTP clients, connections and browser as the
 * test's other steps), then every {@code pollInterval} until {@code atMost}; a time-out fails with
 * {@link org.awaitility.core.ConditionTimeoutException}, whose message names {@code what} was awaited and, for
 * {@code until(supplier, predicate)}, the last value seen. An exception the condition throws (an assertion, a
 * process that stopped) fails at once unless ignored with {@code ignoreException(...)}.
 * <pre>{@code
 * await("the sync to start", Duration.ofSeconds(15), Duration.ofMillis(5)).until(() -> moodle.callCount(COURSES) >= 1);
 * }</pre>
 */
public final class Awaiting {

    private Awaiting() {
    }

    /** Awaits {@code what}, checking now and then every {@code pollInterval}, for at most {@code atMost}. */
    public static ConditionFactory await(String what, Duration atMost, Duration pollInterval) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(pollInterval)
                .pollInSameThread();
    }
}
