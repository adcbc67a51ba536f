package org.iin.csec.moodle;

import java.util.Objects;

/**
 * One condition of a core_user_get_users search; several are ANDed. Only Moodle's supported keys exist here, because
 * Moodle drops an unsupported key with a warning and, if no valid condition remains, returns every user.
 *
 * @param value an exact value, or for first name, last name and e-mail a SQL LIKE pattern ({@code S%})
 */
public record UserCriterion(Key key, String value) {

    /** The search keys Moodle supports. */
    public enum Key {
        ID, FIRSTNAME, LASTNAME, IDNUMBER, USERNAME, EMAIL, AUTH;

        String wsName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public UserCriterion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
