package org.iin.csec.moodle;

import java.util.List;

/**
 * What became of each item of a batch write. Moodle runs each call in one transaction, so one bad item fails the
 * whole call; the client then halves the call until the bad items are isolated, and the others still go through.
 *
 * @param succeeded results of the items Moodle accepted
 * @param rejected items Moodle refused on their own, with its answer; sending them again fails again
 * @param unconfirmed items whose fate is unknown because the run stopped at {@code stoppedBy} (Moodle unreachable,
 *     token or capability problem): not sent, or sent without a usable answer. Sending them again is safe for
 *     enrolments and group memberships (idempotent in Moodle); for accounts, look them up first.
 * @param stoppedBy why the run stopped early, or null when every item was settled
 */
public record BatchOutcome<T, R>(List<R> succeeded, List<Rejected<T>> rejected, List<T> unconfirmed,
        MoodleException stoppedBy) {

    /** An item Moodle refused on its own. */
    public record Rejected<T>(T item, MoodleErrorException reason) {
    }

    public BatchOutcome {
        succeeded = List.copyOf(succeeded);
        rejected = List.copyOf(rejected);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /** True when every item was accepted. */
    public boolean allSucceeded() {
        return rejected.isEmpty() && unconfirmed.isEmpty();
    }
}
