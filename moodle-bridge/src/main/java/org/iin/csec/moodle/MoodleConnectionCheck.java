package org.iin.csec.moodle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that Moodle is set up for the bridge, for an administrator after configuring it and for the health page.
 *
 * <ol>
 *   <li>core_webservice_get_site_info proves the address and the token, and lists the external service's functions;
 *       each function of {@link WsFunction} missing from it is named.</li>
 *   <li>E-mail visibility. Without {@code moodle/site:viewuseridentity} Moodle hides e-mails and e-mail lookups find
 *       nobody, silently, so the bridge cannot match existing accounts by e-mail. The caller's own e-mail cannot test
 *       this (Moodle always shows users their own address, so that lookup succeeds anyway), nor can the admin's
 *       (often public). The check therefore uses learners the bridge already put in Moodle: it fetches them by id and
 *       looks them up by the e-mail they have. An e-mail missing from the by-id answer, or a lookup finding nobody,
 *       means hidden. With no learner known yet, the result is {@link ConnectionReport.EmailLookup#UNVERIFIED}.</li>
 * </ol>
 *
 * At most three calls; never throws for Moodle's failures, which become problems in the report.
 */
public final class MoodleConnectionCheck {

    private static final int PROBES = 5;

    private final MoodleClient client;

    public MoodleConnectionCheck(MoodleClient client) {
        this.client = client;
    }

    /**
     * @param knownLearnerIds Moodle ids of learners the bridge created or matched earlier (a few are enough); empty
     *     on a fresh installation
     */
    public ConnectionReport run(Collection<Long> knownLearnerIds) {
        SiteInfo site;
        try {
            site = client.getSiteInfo();
        } catch (MoodleException e) {
            return new ConnectionReport(null, List.of(), ConnectionReport.EmailLookup.UNVERIFIED,
                    List.of(unreachable(e)));
        }
        List<String> problems = new ArrayList<>();
        Set<String> available = Set.copyOf(site.functions());
        List<String> missing = EnumSet.allOf(WsFunction.class).stream().map(WsFunction::wsName)
                .filter(f -> !available.contains(f)).toList();
        if (!missing.isEmpty()) {
            problems.add("The external service of the token's user (" + site.username() + ") lacks " + missing.size()
                    + " function(s) the bridge needs: " + String.join(", ", missing) + ". Add them in Site"
                    + " administration > Server > Web services > External services > Functions.");
        }
        ConnectionReport.EmailLookup email = ConnectionReport.EmailLookup.UNVERIFIED;
        if (available.contains(WsFunction.USERS_BY_FIELD.wsName())) {
            try {
                email = emailLookup(knownLearnerIds);
            } catch (MoodleException e) {
                problems.add("Looking learners up failed: " + e.getMessage() + ".");
            }
        }
        if (email == ConnectionReport.EmailLookup.HIDDEN) {
            problems.add("E-mail addresses are hidden from " + site.username() + ", so looking accounts up by e-mail"
                    + " silently finds nobody and the bridge cannot match learners who already have an account. Give"
                    + " the web-service user's role the capability moodle/site:viewuseridentity at system level, and"
                    + " keep 'email' in Site administration > Users > Permissions > User policies > Show user"
                    + " identity.");
        }
        return new ConnectionReport(site, missing, email, problems);
    }

    private ConnectionReport.EmailLookup emailLookup(Collection<Long> knownLearnerIds) throws MoodleException {
        List<String> ids = knownLearnerIds.stream().distinct().limit(PROBES).map(String::valueOf).toList();
        if (ids.isEmpty()) {
            return ConnectionReport.EmailLookup.UNVERIFIED;
        }
        List<MoodleUser> learners = client.getUsersByField(UserField.ID, ids);
        if (learners.isEmpty()) {
            return ConnectionReport.EmailLookup.UNVERIFIED;
        }
        if (learners.stream().anyMatch(u -> u.email() == null)) {
            return ConnectionReport.EmailLookup.HIDDEN;
        }
        Set<String> emails = learners.stream().map(MoodleUser::email).collect(Collectors.toSet());
        Set<Long> found = client.getUsersByField(UserField.EMAIL, emails).stream().map(MoodleUser::id)
                .collect(Collectors.toSet());
        return learners.stream().allMatch(u -> found.contains(u.id())) ? ConnectionReport.EmailLookup.WORKS
                : ConnectionReport.EmailLookup.HIDDEN;
    }

    private static String unreachable(MoodleException e) {
        if (e instanceof MoodleAccessException && e.errorCode().equals("invalidtoken")) {
            return "Moodle refused the token (invalidtoken). Create a token for the web-service user in Site"
                    + " administration > Server > Web services > Manage tokens and put it in the bridge's"
                    + " configuration.";
        }
        if (e instanceof MoodleAccessException) {
            return "Moodle refused access (" + e.errorCode() + "): check that web services and the REST protocol are"
                    + " enabled and that the token's user may use the external service. " + e.getMessage();
        }
        if (e instanceof MoodleTransportException t && t.reason() == MoodleTransportException.Reason.HTTP_ERROR
                && !t.isRetryable()) {
            return "The base URL looks wrong: " + e.getMessage();
        }
        return "Moodle could not be reached: " + e.getMessage() + ". Check the base URL and that Moodle is up.";
    }
}
