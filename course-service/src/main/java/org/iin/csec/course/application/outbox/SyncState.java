package org.iin.csec.course.application.outbox;

import java.util.List;
import java.util.Map;

/**
 * Where an edition's work for other systems stands: how many items of each kind wait, are done or failed,
 * and each failure with its participant and reason.
 */
public record SyncState(String edition, Map<String, Map<String, Long>> counts, List<Failure> failures) {

    public record Failure(long itemId, String kind, Long participantId, String state, String participant, int attempts,
                          String reason) {
    }
}
