package org.iin.csec.moodle.sync;

/**
 * What became of one withdrawal.
 *
 * @param failure why the learner may still be enrolled, or null when they are not enrolled any more
 * @param retryable true when trying again later may succeed without any change
 */
public record WithdrawalOutcome(Withdrawal withdrawal, String failure, boolean retryable) {

    public boolean succeeded() {
        return failure == null;
    }
}
