package org.iin.csec.moodle;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account to create with core_user_create_users (authentication "manual"). Checked on construction for what
 * Moodle rejects opaquely ({@code invalidparameter}) or, worse, accepts silently: a username that is not lower case
 * letters, digits and {@code - . _ @}; a blank name; an e-mail that is not one; a country that is not an ISO 3166-1
 * alpha-2 code (Moodle would drop it without a word).
 *
 * @param password null to let Moodle generate one and e-mail it to the learner ({@code createpassword=1})
 * @param idNumber Moodle's {@code idnumber}; the bridge stores the participant id there. Null for none
 * @param countryCode ISO 3166-1 alpha-2, e.g. "AR"; null for none
 * @param city null for none
 * @param customFields custom profile field values by short name (unknown short names are ignored by Moodle)
 */
public record NewUser(String username, String firstName, String lastName, String email, String idNumber,
        String countryCode, String city, String password, Map<String, String> customFields) {

    private static final Pattern USERNAME = Pattern.compile("[-a-z0-9._@]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public NewUser {
        Objects.requireNonNull(username, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("A Moodle username has 1 to 100 lower case letters, digits or - . _ @: "
                    + username);
        }
        requireText(firstName, "first name");
        requireText(lastName, "last name");
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("Not an e-mail address: " + email);
        }
        if (countryCode != null && !CountryCodes.isIsoAlpha2(countryCode)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + countryCode);
        }
        if (password != null && password.isEmpty()) {
            throw new IllegalArgumentException("An empty password; use null to let Moodle generate one");
        }
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** The usual learner: Moodle generates and e-mails the password. */
    public static NewUser learner(String username, String firstName, String lastName, String email, String idNumber,
            String countryCode) {
        return new NewUser(username, firstName, lastName, email, idNumber, countryCode, null, null, Map.of());
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A Moodle user needs a " + what);
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "NewUser[" + username + ", " + email + ", idnumber=" + idNumber + "]";
    }
}
