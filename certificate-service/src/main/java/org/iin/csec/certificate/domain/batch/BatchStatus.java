package org.iin.csec.certificate.domain.batch;

/** A batch runs until every selected certificate was tried; one whose runner stopped (a restart) can be resumed. */
public enum BatchStatus {
    /** Signing, or interrupted if its lease ran out (see {@link SigningBatch#isInterrupted}). */
    RUNNING,
    /** Every selected certificate was tried; {@code failed} says how many could not be signed. */
    COMPLETED,
    /** Interrupted and then replaced by a batch of the same party with another selection. */
    ABANDONED
}
