package org.iin.csec.moodle;

import java.util.List;

/**
 * The result of a {@link MoodleConnectionCheck}: what works, and each problem in words an administrator can act on.
 *
 * @param site the site, or null when Moodle could not be reached or refused the token
 * @param missingFunctions functions the bridge needs that the external service lacks
 * @param emailLookup whether the bridge can find existing accounts by e-mail
 * @param problems what to fix, one sentence each; empty when all is well
 */
public record ConnectionReport(SiteInfo site, List<String> missingFunctions, EmailLookup emailLookup,
        List<String> problems) {

    /** Whether e-mail lookups see existing accounts. */
    public enum EmailLookup {
        /** A known learner was found by e-mail. */
        WORKS,
        /** E-mail addresses are hidden from the web-service user: lookups silently find nobody. */
        HIDDEN,
        /** No learner known to exist in Moodle yet to test with. */
        UNVERIFIED
    }

    public ConnectionReport {
        missingFunctions = List.copyOf(missingFunctions);
        problems = List.copyOf(problems);
    }

    /** True when nothing needs fixing (an unverified e-mail lookup is not a problem yet). */
    public boolean ok() {
        return problems.isEmpty();
    }
}
