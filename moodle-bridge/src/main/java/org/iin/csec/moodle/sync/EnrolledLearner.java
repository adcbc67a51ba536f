package org.iin.csec.moodle.sync;

/** A learner whose completion to read: their Moodle account and the course. */
public record EnrolledLearner(long moodleUserId, long courseId) {
}
