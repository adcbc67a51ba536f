package org.iin.csec.moodle;

import java.util.Map;

/**
 * Changes to an existing account for core_user_update_users; a null field is left as it is.
 *
 * @param countryCode ISO 3166-1 alpha-2, checked like {@link NewUser}'s
 */
public record UserUpdate(long id, String firstName, String lastName, String email, String idNumber,
        String countryCode, String city, Boolean suspended, Map<String, String> customFields) {

    public UserUpdate {
        if (countryCode != null && !CountryCodes.isIsoAlpha2(countryCode)) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 country code: " + countryCode);
        }
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** Sets only the idnumber, e.g. to claim an account found by e-mail for a participant. */
    public static UserUpdate idNumber(long id, String idNumber) {
        return new UserUpdate(id, null, null, null, idNumber, null, null, null, Map.of());
    }
}
