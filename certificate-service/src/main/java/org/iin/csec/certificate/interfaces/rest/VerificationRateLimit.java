package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public verification is limited per client address (csec.verify.requests-per-minute, 30 by default): enough for
 * people checking certificates, too few to guess 80-bit codes or to use the page to load the server. Fixed
 * one-minute windows, kept in memory per instance.
 */
@ApplicationScoped
public class VerificationRateLimit {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "csec.verify.requests-per-minute", defaultValue = "30")
    int perMinute;

    /** Counts one request; returns 0 if it may go ahead, or the seconds to wait before the next one. */
    public long acquire(String client, Instant now) {
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> w.start().plus(WINDOW).isBefore(now));
        }
        Window window = windows.compute(client, (key, current) ->
                current == null || !current.start().plus(WINDOW).isAfter(now)
                        ? new Window(now, 1)
                        : new Window(current.start(), current.count() + 1));
        if (window.count() <= perMinute) {
            return 0;
        }
        return Math.max(1, Duration.between(now, window.start().plus(WINDOW)).toSeconds() + 1);
    }
}
