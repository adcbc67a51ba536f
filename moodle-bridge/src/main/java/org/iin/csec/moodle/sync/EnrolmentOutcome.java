package org.iin.csec.moodle.sync;

/**
 * What became of one learner.
 *
 * @param moodleUserId the learner's Moodle account, or 0 if none was found or created
 * @param accountCreated true when this run created the account (false when it was found)
 * @param failure why the learner is not fully enrolled and grouped, or null on success
 * @param retryable true when running the sync again later may succeed without any change (Moodle was down or slow)
 */
public record EnrolmentOutcome(LearnerEnrolment learner, long moodleUserId, boolean accountCreated, String failure,
        boolean retryable) {

    public boolean succeeded() {
        return failure == null;
    }
}
