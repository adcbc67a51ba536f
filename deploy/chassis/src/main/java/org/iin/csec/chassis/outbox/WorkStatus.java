package org.iin.csec.chassis.outbox;

/** PENDING items are sent (and retried) by the dispatcher; the others wait for nobody. */
public enum WorkStatus {
    PENDING,
    DONE,
    /** Stopped for a reason a retry cannot fix alone (bad token, refused address, invalid data); retried by hand. */
    FAILED,
    /** No longer wanted (a hand-off whose participant is no longer eligible, a certificate revoked before its e-mail). */
    CANCELLED
}
