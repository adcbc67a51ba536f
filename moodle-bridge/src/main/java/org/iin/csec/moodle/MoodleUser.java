package org.iin.csec.moodle;

import java.util.Map;

/**
 * A Moodle account as the user functions return it. Moodle leaves empty fields out, so {@code email},
 * {@code idNumber}, {@code country} and {@code city} are null when empty, and {@code email} is also null when the
 * web-service user may not see it (no {@code moodle/site:viewuseridentity}).
 *
 * @param customFields custom profile field values by short name, e.g. {@code dni}
 */
public record MoodleUser(long id, String username, String firstName, String lastName, String fullName, String email,
        String idNumber, String country, String city, boolean suspended, Map<String, String> customFields) {

    public MoodleUser {
        customFields = Map.copyOf(customFields);
    }
}
