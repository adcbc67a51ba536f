package org.iin.csec.moodle.sync;

import java.util.List;

/**
 * The outcome of an enrolment sync.
 *
 * @param outcomes one per learner given, in the same order
 * @param warnings problems with Moodle's set-up noticed on the way, in words an administrator can act on
 */
public record EnrolmentSyncResult(List<EnrolmentOutcome> outcomes, List<String> warnings) {

    public EnrolmentSyncResult {
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }

    public List<EnrolmentOutcome> failures() {
        return outcomes.stream().filter(o -> !o.succeeded()).toList();
    }

    public boolean allSucceeded() {
        return outcomes.stream().allMatch(EnrolmentOutcome::succeeded);
    }
}
