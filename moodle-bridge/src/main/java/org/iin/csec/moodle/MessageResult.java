package org.iin.csec.moodle;

/**
 * What became of a message: delivered with Moodle's message id, or refused (recipient missing, or their preferences
 * block the sender) with Moodle's reason.
 *
 * @param messageId Moodle's id, or -1 when not delivered
 * @param errorMessage Moodle's reason when not delivered, else null
 */
public record MessageResult(long messageId, String clientMessageId, String errorMessage) {

    public boolean delivered() {
        return messageId > 0;
    }
}
