package org.iin.csec.moodle.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, to give completions distinct, known times. */
final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(long epochSecond) {
        this.now = Instant.ofEpochSecond(epochSecond);
    }

    void set(long epochSecond) {
        now = Instant.ofEpochSecond(epochSecond);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
