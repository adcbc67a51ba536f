package org.iin.csec.moodle.sync;

import java.util.OptionalLong;

/**
 * A learner's course completion as read from Moodle.
 *
 * @param completed Moodle counts the course as completed
 * @param inProgress started but not completed: at least one completion criterion met
 * @param completionTime when completed: the latest criterion completion time (Unix seconds), since Moodle's answer
 *     has no course-level time; empty otherwise
 * @param failure why it could not be read (e.g. not enrolled), or null
 * @param retryable true when reading again later may succeed without any change
 */
public record CompletionReport(EnrolledLearner learner, boolean completed, boolean inProgress,
        OptionalLong completionTime, String failure, boolean retryable) {

    public boolean succeeded() {
        return failure == null;
    }
}
