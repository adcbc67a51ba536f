package org.iin.csec.course.domain.account;

import org.iin.csec.chassis.domain.RuleViolation;

/** What a password must be: long enough to resist guessing, and not the user name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    public static void check(String username, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new RuleViolation("weak-password", "password",
                    "A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (username != null && new String(password).toLowerCase().contains(username.toLowerCase())) {
            throw new RuleViolation("weak-password", "password", "A password must not contain the user name.");
        }
    }
}
