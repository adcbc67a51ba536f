package org.iin.csec.moodle;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes. Moodle silently drops a country it does not know (stored as "0", read back as no
 * country at all), so codes are checked before they are sent.
 */
public final class CountryCodes {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private CountryCodes() {
    }

    /** True for an upper-case ISO 3166-1 alpha-2 code such as "AR" or "UY". */
    public static boolean isIsoAlpha2(String code) {
        return code != null && CODES.contains(code);
    }
}
