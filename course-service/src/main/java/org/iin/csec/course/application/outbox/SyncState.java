package org.iin.csec.course.application.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where an edition's work for other systems stands: how many items of each kind wait, are done or failed; each
 * failure with its participant and reason; and each item that failed for now (e.g. Moodle down) with its reason and
 * when it will be tried again.
 */
public record SyncState(String edition, Map<String, Map<String, Long>> counts, List<Failure> failures,
                        List<Retrying> retrying) {

    public record Failure(long itemId, String kind, Long participantId, String state, String participant, int attempts,
                          String reason) {
    }

    public record Retrying(long itemId, String kind, Long participantId, String state, String participant, int attempts,
                           String reason, Instant nextAttemptAt) {
    }
}
