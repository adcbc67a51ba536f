package org.iin.csec.moodle.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.iin.csec.moodle.CourseCompletion;
import org.iin.csec.moodle.MoodleAccessException;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleException;
import org.iin.csec.moodle.MoodleTransportException;

/**
 * Reads learners' course completion from Moodle, one call per learner (Moodle has no batch form of
 * core_completion_get_course_completion_status). A learner Moodle cannot report on, e.g. not enrolled, gets a failure
 * and the others are still read. When Moodle is unreachable or refuses the token, the remaining learners are not
 * tried (each would wait for the same timeout) and are reported retryable.
 */
public final class CompletionReader {

    private final MoodleClient moodle;

    public CompletionReader(MoodleClient moodle) {
        this.moodle = moodle;
    }

    /** One report per learner, in the same order. */
    public List<CompletionReport> read(List<EnrolledLearner> learners) {
        List<CompletionReport> reports = new ArrayList<>();
        MoodleException stoppedBy = null;
        for (EnrolledLearner learner : learners) {
            if (stoppedBy != null) {
                reports.add(failed(learner, "Not read: " + stoppedBy.getMessage(), stoppedBy.isRetryable()));
                continue;
            }
            try {
                CourseCompletion completion = moodle.getCourseCompletionStatus(learner.courseId(),
                        learner.moodleUserId());
                boolean completed = completion.completed();
                reports.add(new CompletionReport(learner, completed, !completed && completion.anyCriterionComplete(),
                        completed ? completion.latestCriterionTime() : OptionalLong.empty(), null, false));
            } catch (MoodleException e) {
                String reason = e.errorCode().equals("usernotenroled")
                        ? "User " + learner.moodleUserId() + " is not enrolled in Moodle course " + learner.courseId()
                        : e.getMessage();
                reports.add(failed(learner, reason, e.isRetryable()));
                if (e instanceof MoodleTransportException || e instanceof MoodleAccessException) {
                    stoppedBy = e;
                }
            }
        }
        return reports;
    }

    private static CompletionReport failed(EnrolledLearner learner, String reason, boolean retryable) {
        return new CompletionReport(learner, false, false, OptionalLong.empty(), reason, retryable);
    }
}
