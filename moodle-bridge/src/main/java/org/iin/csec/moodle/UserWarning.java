package org.iin.csec.moodle;

/**
 * A per-user problem core_user_update_users reports while updating the others, e.g. {@code useremailduplicate} or
 * {@code invaliduserid}.
 */
public record UserWarning(long userId, String warningCode, String message) {
}
