package org.iin.csec.moodle;

import java.util.Objects;

/**
 * A message to one user (core_message_send_instant_messages).
 *
 * @param clientMessageId the caller's own id, echoed back, e.g. to avoid sending twice
 */
public record InstantMessage(long toUserId, String text, Format format, String clientMessageId) {

    /** Moodle's text formats. */
    public enum Format {
        MOODLE(0), HTML(1), PLAIN(2), MARKDOWN(4);

        final int code;

        Format(int code) {
            this.code = code;
        }
    }

    public InstantMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
    }
}
