package org.iin.csec.moodle.contract;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a captured answer with the emulator's, member by member. Everything must be equal except what can
 * legitimately differ between the capture site and an emulator started today, each for a stated reason:
 *
 * <ul>
 *   <li>The site's address: the capture site was {@value #CAPTURE_BASE_URL}; the emulator's port is ephemeral.</li>
 *   <li>Times Moodle stamped from its own clock (creation, modification, completion and grading times, the cache and
 *       theme revisions, default course dates): only whether they are set (non-zero) must agree. A time the client
 *       itself sent in the replayed requests must come back exactly.</li>
 *   <li>Context ids ({@code contextid}, the number in {@code pluginfile.php/<id>/}): Moodle allocates them for
 *       blocks, categories and users the emulator does not model; they must be positive.</li>
 *   <li>Message ids ({@code msgid}): Moodle's message table is shared with the site's own notifications; a
 *       delivered message must have a positive id and a failed one -1, as captured.</li>
 *   <li>{@code userprivateaccesskey}: a random secret per site; it must be present.</li>
 * </ul>
 */
final class ContractComparison {

    static final String CAPTURE_BASE_URL = "http://127.0.0.1:8800";

    private static final Set<String> CLOCK_MEMBERS = Set.of("timecreated", "timemodified", "timecompleted",
            "gradedategraded", "cacherev", "lastmodified", "startdate", "enddate");
    private static final Set<String> CLOCK_PREFERENCES = Set.of("auth_manual_passwordupdatetime",
            "last_time_enrolments_synced", "_lastloaded");

    private final String emulatorBaseUrl;
    private final Set<String> clientValues;
    private final List<String> differences = new ArrayList<>();

    private ContractComparison(String emulatorBaseUrl, Set<String> clientValues) {
        this.emulatorBaseUrl = emulatorBaseUrl;
        this.clientValues = clientValues;
    }

    /**
     * The differences between the captured and the emulated answer; empty when they agree.
     *
     * @param clientValues every form value the replayed requests sent
     */
    static List<String> differences(JsonValue expected, JsonValue actual, String emulatorBaseUrl,
            Set<String> clientValues) {
        ContractComparison comparison = new ContractComparison(emulatorBaseUrl, clientValues);
        comparison.compare("$", null, expected, actual);
        return comparison.differences;
    }

    private void compare(String path, String member, JsonValue expected, JsonValue actual) {
        if (member != null && CLOCK_MEMBERS.contains(member)) {
            compareClock(path, expected, actual);
            return;
        }
        if ("contextid".equals(member)) {
            expect(path, positive(expected) && positive(actual), "a positive context id", expected, actual);
            return;
        }
        if ("msgid".equals(member)) {
            expect(path, Math.signum(number(expected)) == Math.signum(number(actual)), "a message id of the same sign",
                    expected, actual);
            return;
        }
        if ("userprivateaccesskey".equals(member)) {
            expect(path, !text(expected).isEmpty() && !text(actual).isEmpty(), "a private access key", expected,
                    actual);
            return;
        }
        if (expected.getValueType() != actual.getValueType()
                && !(isBoolean(expected) && isBoolean(actual))) {
            differences.add(path + ": expected " + expected + " but was " + actual);
            return;
        }
        switch (expected.getValueType()) {
            case OBJECT -> compareObjects(path, expected.asJsonObject(), actual.asJsonObject());
            case ARRAY -> compareArrays(path, expected.asJsonArray(), actual.asJsonArray());
            case STRING -> expect(path, normalise(text(expected)).equals(normalise(text(actual))), "equal text",
                    expected, actual);
            case NUMBER -> expect(path, ((JsonNumber) expected).bigDecimalValue()
                    .compareTo(((JsonNumber) actual).bigDecimalValue()) == 0, "an equal number", expected, actual);
            default -> expect(path, expected.equals(actual), "the same literal", expected, actual);
        }
    }

    private void compareObjects(String path, JsonObject expected, JsonObject actual) {
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        Set<String> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        if (!missing.isEmpty()) {
            differences.add(path + ": missing members " + missing);
        }
        if (!extra.isEmpty()) {
            differences.add(path + ": unexpected members " + extra);
        }
        boolean clockPreference = expected.containsKey("name") && expected.containsKey("value")
                && expected.get("name") instanceof JsonString && CLOCK_PREFERENCES.contains(expected.getString("name"));
        for (String name : expected.keySet()) {
            if (actual.containsKey(name)) {
                if (clockPreference && name.equals("value")) {
                    compareClock(path + ".value", expected.get(name), actual.get(name));
                } else {
                    compare(path + "." + name, name, expected.get(name), actual.get(name));
                }
            }
        }
    }

    private void compareArrays(String path, JsonArray expected, JsonArray actual) {
        if (expected.size() != actual.size()) {
            differences.add(path + ": expected " + expected.size() + " elements but was " + actual.size() + ": "
                    + actual);
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(path + "[" + i + "]", null, expected.get(i), actual.get(i));
        }
    }

    /** A time the client sent must match; a time from Moodle's clock need only agree on being set. */
    private void compareClock(String path, JsonValue expected, JsonValue actual) {
        String sent = scalar(expected);
        if (sent != null && clientValues.contains(sent) && !sent.equals("0")) {
            expect(path, sent.equals(scalar(actual)), "the time the client sent", expected, actual);
        } else {
            expect(path, isSet(expected) == isSet(actual), "a time that is " + (isSet(expected) ? "set" : "unset"),
                    expected, actual);
        }
    }

    private void expect(String path, boolean ok, String what, JsonValue expected, JsonValue actual) {
        if (!ok) {
            differences.add(path + ": expected " + what + " like " + expected + " but was " + actual);
        }
    }

    private String normalise(String text) {
        return text.replace(emulatorBaseUrl, CAPTURE_BASE_URL)
                .replaceAll("/theme/image\\.php/boost/([a-z]+)/\\d+/", "/theme/image.php/boost/$1/{rev}/")
                .replaceAll("/pluginfile\\.php/\\d+/", "/pluginfile.php/{context}/");
    }

    private static boolean isBoolean(JsonValue v) {
        return v == JsonValue.TRUE || v == JsonValue.FALSE;
    }

    private static String scalar(JsonValue v) {
        if (v instanceof JsonNumber) {
            BigDecimal d = ((JsonNumber) v).bigDecimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return v instanceof JsonString ? ((JsonString) v).getString() : null;
    }

    private static boolean isSet(JsonValue v) {
        String s = scalar(v);
        return s != null && !s.isEmpty() && !s.equals("0");
    }

    private static double number(JsonValue v) {
        String s = scalar(v);
        try {
            return s == null ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean positive(JsonValue v) {
        return number(v) > 0;
    }

    private static String text(JsonValue v) {
        String s = scalar(v);
        return s == null ? "" : s;
    }
}
