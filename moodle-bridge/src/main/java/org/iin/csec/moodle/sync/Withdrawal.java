package org.iin.csec.moodle.sync;

/** A learner leaving a course: their Moodle account and the course. */
public record Withdrawal(long moodleUserId, long courseId) {
}
