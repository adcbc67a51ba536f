package org.iin.csec.moodle.emulator;

/** How an activity's completion is tracked, as Moodle's {@code completion} setting: 0 none, 1 manual, 2 automatic. */
public enum CompletionRule {
    /** No completion tracking. */
    NONE(0),
    /** The learner marks it complete (or a teacher overrides it). */
    MANUAL(1),
    /** Complete automatically when the learner views it. */
    ON_VIEW(2);

    final int tracking;

    CompletionRule(int tracking) {
        this.tracking = tracking;
    }
}
