package org.iin.csec.certificate.domain.outbox;

/** PENDING items are sent (and retried) by the dispatcher; the others wait for nobody. */
public enum WorkStatus {
    PENDING,
    DONE,
    /** Stopped for a reason a retry cannot fix alone (refused by the other side); retried by hand. */
    FAILED,
    /** No longer wanted (e.g. the certificate was revoked before its e-mail went out). */
    CANCELLED
}
