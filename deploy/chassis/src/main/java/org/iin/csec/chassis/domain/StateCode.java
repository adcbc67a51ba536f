package org.iin.csec.chassis.domain;

import java.util.Locale;
import java.util.Set;

/** A member state, as an ISO 3166-1 alpha-2 code ("AR", "UY"): the same codes in both services. */
public final class StateCode {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    private StateCode() {
    }

    /** Upper-cases and checks the code; throws a {@link RuleViolation} naming the field otherwise. */
    public static String of(String code) {
        String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!ISO_CODES.contains(normalised)) {
            throw new RuleViolation("unknown-state", "state",
                    "'" + code + "' is not an ISO 3166-1 alpha-2 country code (for example AR, UY, MX).");
        }
        return normalised;
    }

    public static boolean isValid(String code) {
        return code != null && ISO_CODES.contains(code.trim().toUpperCase(Locale.ROOT));
    }
}
