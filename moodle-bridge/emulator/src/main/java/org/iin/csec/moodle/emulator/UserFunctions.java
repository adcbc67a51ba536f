package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iin.csec.moodle.CountryCodes;

/** core_user_create_users, core_user_update_users, core_user_get_users_by_field and core_user_get_users. */
final class UserFunctions {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    private static final Set<String> LANGUAGES = Set.of("en", "es", "pt", "fr");
    private static final Set<String> SEARCH_KEYS = Set.of("id", "lastname", "firstname", "idnumber", "username",
            "email", "auth");
    private static final Set<String> LIKE_KEYS = Set.of("lastname", "firstname", "email");

    private UserFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("core_user_create_users", UserFunctions::createUsers);
        handlers.put("core_user_update_users", UserFunctions::updateUsers);
        handlers.put("core_user_get_users_by_field", UserFunctions::usersByField);
        handlers.put("core_user_get_users", UserFunctions::searchUsers);
    }

    /** Moodle's PARAM_USERNAME without extended characters: lower case letters, digits and {@code - . _ @}. */
    static boolean isCleanUsername(String username) {
        return username.matches("[-a-z0-9._@]+");
    }

    /**
     * One database transaction: the first bad user rolls back every user created before it in the call (their ids
     * stay consumed, as MariaDB's auto-increment does), and nobody is created.
     */
    private static JsonValue createUsers(Functions.Call call) throws WsError {
        Site site = call.site();
        if (!call.params().has("users")) {
            throw WsError.invalidParameter("Missing required key in single structure: users");
        }
        List<FormParams> items = call.params().list("users");
        String ctx = Args.inside("users");
        for (FormParams item : items) {
            Args.optionalBool(item, "createpassword", false, ctx);
            String username = Args.required(item, "username", ctx);
            if (!isCleanUsername(username)) {
                throw Args.wrongType("username", username, "username", ctx);
            }
            Args.required(item, "firstname", ctx);
            Args.required(item, "lastname", ctx);
            Args.required(item, "email", ctx);
        }
        List<Site.User> created = new ArrayList<>();
        try {
            List<Object> result = new ArrayList<>();
            for (FormParams item : items) {
                Site.User user = createOne(site, item);
                created.add(user);
                result.add(obj().put("id", user.id).put("username", user.username));
            }
            return Out.array(result);
        } catch (WsError e) {
            created.forEach(u -> site.users.remove(u.id));
            throw e;
        }
    }

    private static Site.User createOne(Site site, FormParams item) throws WsError {
        String username = item.string("username");
        for (String field : List.of("username", "firstname", "lastname")) {
            if (item.string(field).trim().isEmpty()) {
                throw WsError.invalidParameter("The field " + field + " cannot be blank");
            }
        }
        if (site.userByUsername(username) != null) {
            throw WsError.invalidParameter("Username already exists: " + username);
        }
        String auth = Args.optional(item, "auth", "manual");
        if (!auth.equals("manual") && !auth.equals("nologin")) {
            throw WsError.invalidParameter("Invalid authentication type: " + auth);
        }
        String lang = Args.optional(item, "lang", "en");
        if (!LANGUAGES.contains(lang)) {
            throw WsError.invalidParameter("Invalid language code: " + lang);
        }
        boolean createPassword = Args.optionalBool(item, "createpassword", false, Args.inside("users"));
        String password = Args.optional(item, "password", "");
        if (!createPassword && password.isEmpty()) {
            throw WsError.invalidParameter("Invalid password: you must provide a password, or set createpassword.");
        }
        String email = item.string("email").trim();
        if (!EMAIL.matcher(email).matches()) {
            throw WsError.invalidParameter("Email address is invalid: " + email);
        }
        if (site.emailTaken(email, 0)) {
            throw WsError.invalidParameter("Email address already exists: " + email);
        }
        if (!createPassword) {
            String policy = passwordPolicyErrors(password);
            if (!policy.isEmpty()) {
                throw WsError.moodle(policy, "error/" + policy);
            }
        }
        Site.User user = site.addUser(username, item.string("firstname"), item.string("lastname"), email);
        user.auth = auth;
        user.lang = lang;
        user.password = password;
        apply(site, user, item);
        return user;
    }

    /** The fields create and update share; unknown custom fields and non-ISO countries are silently dropped. */
    private static void apply(Site site, Site.User user, FormParams item) {
        if (item.string("idnumber") != null) {
            user.idnumber = item.string("idnumber");
        }
        if (item.string("city") != null) {
            user.city = item.string("city");
        }
        if (item.string("country") != null) {
            String country = item.string("country");
            user.country = CountryCodes.isIsoAlpha2(country) ? country : "";
        }
        if (item.string("timezone") != null) {
            user.timezone = item.string("timezone");
        }
        for (FormParams field : item.list("customfields")) {
            String shortname = field.string("type");
            if (shortname != null && site.profileFields.containsKey(shortname)) {
                user.customFields.put(shortname, Args.optional(field, "value", ""));
            }
        }
    }

    /** Moodle's default password policy, reported as one {@code <div>} per unmet rule. */
    static String passwordPolicyErrors(String password) {
        StringBuilder errors = new StringBuilder();
        if (password.length() < 8) {
            errors.append("<div>Passwords must be at least 8 characters long.</div>");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            errors.append("<div>Passwords must have at least 1 digit(s).</div>");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            errors.append("<div>Passwords must have at least 1 lower case letter(s).</div>");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            errors.append("<div>Passwords must have at least 1 upper case letter(s).</div>");
        }
        if (password.chars().allMatch(Character::isLetterOrDigit)) {
            errors.append("<div>The password must have at least 1 special character(s) such as *, -, or #.</div>");
        }
        return errors.toString();
    }

    /** Per-user problems come back as warnings; the other users are still updated. */
    private static JsonValue updateUsers(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("users");
        List<Object> warnings = new ArrayList<>();
        for (FormParams item : call.params().list("users")) {
            long id = Args.requiredInt(item, "id", ctx);
            Site.User user = site.user(id);
            if (user == null) {
                warnings.add(warning(id, "invaliduserid", "Invalid user ID"));
                continue;
            }
            String email = item.string("email");
            if (email != null && site.emailTaken(email, id)) {
                warnings.add(warning(id, "useremailduplicate", "Duplicate address"));
                continue;
            }
            if (email != null && !EMAIL.matcher(email).matches()) {
                warnings.add(warning(id, "useremailinvalid", "Invalid email address"));
                continue;
            }
            if (email != null) {
                user.email = email;
            }
            if (item.string("firstname") != null) {
                user.firstname = item.string("firstname");
            }
            if (item.string("lastname") != null) {
                user.lastname = item.string("lastname");
            }
            if (item.string("suspended") != null) {
                user.suspended = Args.optionalBool(item, "suspended", false, ctx);
            }
            apply(site, user, item);
        }
        return obj().put("warnings", warnings).build();
    }

    private static Out.Obj warning(long id, String code, String message) {
        return obj().put("item", "user").put("itemid", id).put("warningcode", code).put("message", message);
    }

    /** Users whose searched field the caller may not see are left out, so a hidden e-mail looks like a miss. */
    private static JsonValue usersByField(Functions.Call call) throws WsError {
        Site site = call.site();
        String field = Args.required(call.params(), "field", "");
        if (!List.of("id", "idnumber", "username", "email").contains(field)) {
            throw WsError.codingError("invalid field parameter");
        }
        List<String> values = call.params().strings("values");
        List<Object> result = new ArrayList<>();
        for (Site.User user : site.users.values()) {
            String actual = switch (field) {
                case "id" -> String.valueOf(user.id);
                case "idnumber" -> user.idnumber;
                case "username" -> user.username;
                default -> user.email;
            };
            boolean hit = !actual.isEmpty() && values.stream().anyMatch(v -> v.trim().equalsIgnoreCase(actual));
            if (hit && UserViews.shows(site, user, field)) {
                result.add(UserViews.details(site, user));
            }
        }
        return Out.array(result);
    }

    /** Unsupported keys are dropped with a warning; with no valid criterion left, every user is returned. */
    private static JsonValue searchUsers(Functions.Call call) throws WsError {
        Site site = call.site();
        if (!call.params().has("criteria")) {
            throw WsError.invalidParameter("Missing required key in single structure: criteria");
        }
        String ctx = Args.inside("criteria");
        List<String[]> criteria = new ArrayList<>();
        List<Object> warnings = new ArrayList<>();
        for (FormParams item : call.params().list("criteria")) {
            String key = Args.required(item, "key", ctx);
            String value = Args.required(item, "value", ctx);
            if (!SEARCH_KEYS.contains(key)) {
                warnings.add(obj().put("item", key).put("warningcode", "invalidfieldparameter")
                        .put("message", "The search key '" + key + "' is not supported, look at the web service"
                                + " documentation"));
                continue;
            }
            if (key.equals("id")) {
                Args.toInt("value", value, ctx);
            }
            criteria.add(new String[] {key, value});
        }
        List<Object> users = new ArrayList<>();
        for (Site.User user : site.users.values()) {
            boolean all = true;
            for (String[] criterion : criteria) {
                all &= matches(user, criterion[0], criterion[1]) && UserViews.shows(site, user, criterion[0]);
            }
            if (all) {
                users.add(UserViews.details(site, user));
            }
        }
        return obj().put("users", users).put("warnings", warnings).build();
    }

    private static boolean matches(Site.User user, String key, String value) {
        String actual = switch (key) {
            case "id" -> String.valueOf(user.id);
            case "lastname" -> user.lastname;
            case "firstname" -> user.firstname;
            case "idnumber" -> user.idnumber;
            case "username" -> user.username;
            case "email" -> user.email;
            default -> user.auth;
        };
        if (LIKE_KEYS.contains(key)) {
            StringBuilder regex = new StringBuilder();
            for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return actual.toLowerCase(Locale.ROOT).matches(regex.toString());
        }
        return actual.equalsIgnoreCase(value);
    }
}
