package org.iin.csec.course.domain.outbox;

/** PENDING items are sent (and retried) by the dispatcher; DONE and FAILED ones wait for nobody. */
public enum WorkStatus {
    PENDING,
    DONE,
    /** Stopped for a reason a retry cannot fix alone (bad token, missing capability, invalid data). */
    FAILED,
    /** No longer wanted (e.g. a hand-off whose participant stopped being eligible before it was sent). */
    CANCELLED
}
