package org.iin.csec.moodle;

import static org.iin.csec.moodle.JsonFields.boolOf;
import static org.iin.csec.moodle.JsonFields.doubleOrNull;
import static org.iin.csec.moodle.JsonFields.longOf;
import static org.iin.csec.moodle.JsonFields.objects;
import static org.iin.csec.moodle.JsonFields.textOf;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A typed client of Moodle's REST web-service protocol. Every call is a form POST to
 * {@code /webservice/rest/server.php} with {@code moodlewsrestformat=json}, parameters in PHP bracket notation and
 * the token in the form body, never in the URL.
 *
 * <p>Failures are {@link MoodleException}s: {@link MoodleTransportException} when Moodle gave no usable answer
 * (retryable), {@link MoodleErrorException} when it answered with an error body, which it does with HTTP 200. Batch
 * writes ({@link #createUsers}, {@link #enrolUsers}, {@link #unenrolUsers}, {@link #addGroupMembers}) are sent in
 * chunks that fit PHP's default {@code max_input_vars} (1000) and return a {@link BatchOutcome} per item, because
 * Moodle rejects a whole call for one bad item.
 *
 * <pre>{@code
 * MoodleClient moodle = new MoodleClient.Builder()
 *         .baseUrl("https://campus.iin.oea.org")
 *         .token(config.moodleToken())
 *         .build();
 * SiteInfo site = moodle.getSiteInfo();
 * }</pre>
 *
 * <p>Thread-safe; share one instance. The token never appears in messages, {@code toString} or logs.
 */
public final class MoodleClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MoodleClient.class.getName());
    private static final String ENDPOINT = "webservice/rest/server.php";

    /** Values per lookup call: ~500 vars, well under PHP's default max_input_vars of 1000. */
    static final int LOOKUP_CHUNK = 500;
    /** Accounts per creation call: ~9 vars each; Moodle's timings favour batches (15 ms vs 46 ms per user). */
    static final int CREATE_CHUNK = 100;
    /** Enrolments per call: 6 vars each. */
    static final int ENROL_CHUNK = 100;
    /** Updates per call. */
    static final int UPDATE_CHUNK = 100;
    /** Group memberships or unenrolments per call: 2 vars each. */
    static final int PAIR_CHUNK = 400;
    private static final String ENROLLED_USER_FIELDS = "id,username,fullname,email,idnumber,country,groups,roles";

    private final HttpUrl endpoint;
    private final String token;
    private final OkHttpClient http;
    private final Semaphore permits;

    private MoodleClient(Builder builder) {
        this.endpoint = builder.baseUrl.newBuilder().addPathSegments(ENDPOINT).build();
        this.token = builder.token;
        this.permits = new Semaphore(builder.maxConnections, true);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.readTimeout)
                .callTimeout(builder.callTimeout)
                // Keep-alive shorter than Apache's default 5 s, so a connection Moodle's server closed is not reused.
                .connectionPool(new ConnectionPool(builder.maxConnections, 4, TimeUnit.SECONDS))
                // A silent resend of a write whose answer was lost could create an account twice; callers retry.
                .retryOnConnectionFailure(false)
                // A redirected POST becomes a GET without the form; report the new address instead.
                .followRedirects(false)
                .build();
    }

    /** Builds a {@link MoodleClient}; base URL and token are required. */
    public static final class Builder {
        private HttpUrl baseUrl;
        private String token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofSeconds(120);
        private int maxConnections = 4;

        /** Moodle's address, e.g. {@code https://campus.example.org} or {@code https://example.org/moodle}. */
        public Builder baseUrl(String baseUrl) {
            HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (url == null) {
                throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
            }
            if (url.query() != null || url.fragment() != null || !url.username().isEmpty()) {
                throw new IllegalArgumentException("Give Moodle's base URL without query, fragment or credentials;"
                        + " the token goes in the request body");
            }
            this.baseUrl = url;
            return this;
        }

        /** The web-service token (Site administration > Server > Web services > Manage tokens). */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("The Moodle token is empty");
            }
            this.token = token;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** Longest wait for the next bytes of an answer; a batch of 100 new accounts takes a few seconds. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout);
            return this;
        }

        /** Longest time for a whole call, connecting and reading included. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout);
            return this;
        }

        /** Calls in flight to Moodle at once (and idle connections kept); protects Moodle's PHP workers. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = maxConnections;
            return this;
        }

        public MoodleClient build() {
            if (baseUrl == null || token == null) {
                throw new IllegalStateException("A Moodle client needs a base URL and a token");
            }
            return new MoodleClient(this);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("A timeout must be positive");
            }
            return d;
        }

        @Override
        public String toString() {
            return "MoodleClient.Builder[" + baseUrl + "]";
        }
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "MoodleClient[" + endpoint + "]";
    }

    /** Releases pooled connections. */
    @Override
    public void close() {
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }

    // ---- site ---------------------------------------------------------------------------------------------------

    /** The site, the token's user and the functions its external service allows. */
    public SiteInfo getSiteInfo() throws MoodleException {
        JsonObject o = object(WsFunction.SITE_INFO, call(WsFunction.SITE_INFO, new MoodleForm()));
        List<String> functions = new ArrayList<>();
        objects(o, "functions").forEach(f -> functions.add(f.getString("name", "")));
        return new SiteInfo(textOf(o, "sitename"), textOf(o, "siteurl"), longOf(o, "userid"), textOf(o, "username"),
                textOf(o, "fullname"), textOf(o, "release"), textOf(o, "version"), functions);
    }

    // ---- courses ------------------------------------------------------------------------------------------------

    /** Courses matching a field; an unknown id, shortname or idnumber gives an empty list, not an error. */
    public List<MoodleCourse> getCoursesByField(CourseField field, String value) throws MoodleException {
        MoodleForm form = new MoodleForm().add("field", field.wsName).add("value", value);
        JsonObject o = object(WsFunction.COURSES_BY_FIELD, call(WsFunction.COURSES_BY_FIELD, form));
        List<MoodleCourse> courses = new ArrayList<>();
        for (JsonObject c : objects(o, "courses")) {
            courses.add(new MoodleCourse(longOf(c, "id"), textOf(c, "shortname"), textOf(c, "fullname"),
                    textOf(c, "idnumber"), longOf(c, "categoryid"), boolOf(c, "visible"), longOf(c, "startdate"),
                    longOf(c, "enddate"), boolOf(c, "enablecompletion")));
        }
        return courses;
    }

    // ---- users --------------------------------------------------------------------------------------------------

    /**
     * Users whose field equals one of the values; misses are simply absent. Sent in calls of {@value #LOOKUP_CHUNK}
     * values. E-mail lookups find nobody, silently, if the web-service user lacks moodle/site:viewuseridentity.
     */
    public List<MoodleUser> getUsersByField(UserField field, Collection<String> values) throws MoodleException {
        List<String> list = List.copyOf(values);
        List<MoodleUser> users = new ArrayList<>();
        for (int from = 0; from < list.size(); from += LOOKUP_CHUNK) {
            MoodleForm form = new MoodleForm().add("field", field.wsName);
            List<String> chunk = list.subList(from, Math.min(list.size(), from + LOOKUP_CHUNK));
            for (int i = 0; i < chunk.size(); i++) {
                form.add("values[" + i + "]", chunk.get(i));
            }
            JsonValue answer = call(WsFunction.USERS_BY_FIELD, form);
            objects(array(WsFunction.USERS_BY_FIELD, answer)).forEach(u -> users.add(user(u)));
        }
        return users;
    }

    /** Users matching every criterion (core_user_get_users). */
    public List<MoodleUser> searchUsers(List<UserCriterion> criteria) throws MoodleException {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("Without criteria Moodle would return every user");
        }
        MoodleForm form = new MoodleForm();
        for (int i = 0; i < criteria.size(); i++) {
            form.element("criteria", i).add("key", criteria.get(i).key().wsName()).add("value", criteria.get(i).value());
        }
        JsonObject o = object(WsFunction.SEARCH_USERS, call(WsFunction.SEARCH_USERS, form));
        List<MoodleUser> users = new ArrayList<>();
        objects(o, "users").forEach(u -> users.add(user(u)));
        return users;
    }

    /**
     * Creates accounts in calls of {@value #CREATE_CHUNK}. Moodle creates all of a call or none; rejected accounts
     * (taken username or e-mail, which Moodle reports only as invalidparameter) are isolated and the others created.
     */
    public BatchOutcome<NewUser, CreatedUser> createUsers(List<NewUser> users) {
        return BatchSplitter.run(users, CREATE_CHUNK, part -> {
            MoodleForm form = new MoodleForm();
            for (int i = 0; i < part.size(); i++) {
                NewUser u = part.get(i);
                MoodleForm.Element e = form.element("users", i);
                if (u.password() == null) {
                    e.add("createpassword", true);
                }
                e.add("auth", "manual").add("username", u.username()).add("password", u.password())
                        .add("firstname", u.firstName()).add("lastname", u.lastName()).add("email", u.email())
                        .add("idnumber", u.idNumber()).add("country", u.countryCode()).add("city", u.city());
                customFields(e, u.customFields());
            }
            List<CreatedUser> created = new ArrayList<>();
            for (JsonObject c : objects(array(WsFunction.CREATE_USERS, call(WsFunction.CREATE_USERS, form)))) {
                created.add(new CreatedUser(longOf(c, "id"), textOf(c, "username")));
            }
            return created;
        });
    }

    /** Updates accounts; per-user problems (e.g. an e-mail in use) come back as warnings, the rest is applied. */
    public List<UserWarning> updateUsers(List<UserUpdate> updates) throws MoodleException {
        List<UserWarning> warnings = new ArrayList<>();
        for (int from = 0; from < updates.size(); from += UPDATE_CHUNK) {
            List<UserUpdate> chunk = updates.subList(from, Math.min(updates.size(), from + UPDATE_CHUNK));
            MoodleForm form = new MoodleForm();
            for (int i = 0; i < chunk.size(); i++) {
                UserUpdate u = chunk.get(i);
                MoodleForm.Element e = form.element("users", i).add("id", u.id()).add("firstname", u.firstName())
                        .add("lastname", u.lastName()).add("email", u.email()).add("idnumber", u.idNumber())
                        .add("country", u.countryCode()).add("city", u.city()).add("suspended", u.suspended());
                customFields(e, u.customFields());
            }
            JsonObject o = object(WsFunction.UPDATE_USERS, call(WsFunction.UPDATE_USERS, form));
            objects(o, "warnings").forEach(w -> warnings.add(new UserWarning(longOf(w, "itemid"),
                    textOf(w, "warningcode"), textOf(w, "message"))));
        }
        return warnings;
    }

    private static void customFields(MoodleForm.Element e, Map<String, String> fields) {
        int j = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            e.element("customfields", j++).add("type", field.getKey()).add("value", field.getValue());
        }
    }

    private static MoodleUser user(JsonObject u) {
        Map<String, String> fields = new LinkedHashMap<>();
        objects(u, "customfields").forEach(f -> {
            String shortname = textOf(f, "shortname");
            String value = textOf(f, "value");
            if (shortname != null && value != null) {
                fields.put(shortname, value);
            }
        });
        return new MoodleUser(longOf(u, "id"), textOf(u, "username"), textOf(u, "firstname"), textOf(u, "lastname"),
                textOf(u, "fullname"), textOf(u, "email"), textOf(u, "idnumber"), textOf(u, "country"),
                textOf(u, "city"), boolOf(u, "suspended"), fields);
    }

    // ---- enrolments ---------------------------------------------------------------------------------------------

    /**
     * Manual enrolments in calls of {@value #ENROL_CHUNK}. Safe to repeat: an existing enrolment is kept and its
     * dates and suspension overwritten with the values sent.
     */
    public BatchOutcome<Enrolment, Enrolment> enrolUsers(List<Enrolment> enrolments) {
        return BatchSplitter.run(enrolments, ENROL_CHUNK, part -> {
            MoodleForm form = new MoodleForm();
            for (int i = 0; i < part.size(); i++) {
                Enrolment e = part.get(i);
                form.element("enrolments", i).add("roleid", e.roleId()).add("userid", e.userId())
                        .add("courseid", e.courseId()).add("timestart", e.timeStart()).add("timeend", e.timeEnd())
                        .add("suspend", e.suspended());
            }
            call(WsFunction.ENROL_USERS, form);
            return part;
        });
    }

    /** Removes manual enrolments in calls of {@value #PAIR_CHUNK}; unenrolling someone not enrolled is harmless. */
    public BatchOutcome<Unenrolment, Unenrolment> unenrolUsers(List<Unenrolment> unenrolments) {
        return BatchSplitter.run(unenrolments, PAIR_CHUNK, part -> {
            MoodleForm form = new MoodleForm();
            for (int i = 0; i < part.size(); i++) {
                form.element("enrolments", i).add("userid", part.get(i).userId())
                        .add("courseid", part.get(i).courseId());
            }
            call(WsFunction.UNENROL_USERS, form);
            return part;
        });
    }

    /**
     * The users enrolled in a course.
     *
     * @param groupId only members of this group; 0 for everyone
     * @param onlyActive leave out suspended enrolments and those outside their dates
     */
    public List<EnrolledUser> getEnrolledUsers(long courseId, long groupId, boolean onlyActive)
            throws MoodleException {
        MoodleForm form = new MoodleForm().add("courseid", courseId);
        int option = 0;
        form.element("options", option++).add("name", "userfields").add("value", ENROLLED_USER_FIELDS);
        if (groupId != 0) {
            form.element("options", option++).add("name", "groupid").add("value", groupId);
        }
        if (onlyActive) {
            form.element("options", option).add("name", "onlyactive").add("value", 1);
        }
        List<EnrolledUser> users = new ArrayList<>();
        for (JsonObject u : objects(array(WsFunction.ENROLLED_USERS, call(WsFunction.ENROLLED_USERS, form)))) {
            List<String> groups = new ArrayList<>();
            objects(u, "groups").forEach(g -> groups.add(textOf(g, "name")));
            List<String> roles = new ArrayList<>();
            objects(u, "roles").forEach(r -> roles.add(textOf(r, "shortname")));
            users.add(new EnrolledUser(longOf(u, "id"), textOf(u, "username"), textOf(u, "fullname"),
                    textOf(u, "email"), textOf(u, "idnumber"), textOf(u, "country"), groups, roles));
        }
        return users;
    }

    // ---- groups -------------------------------------------------------------------------------------------------

    /** Creates groups in one call, all or none: a name already used in the course rejects the whole call. */
    public List<MoodleGroup> createGroups(List<NewGroup> groups) throws MoodleException {
        MoodleForm form = new MoodleForm();
        for (int i = 0; i < groups.size(); i++) {
            NewGroup g = groups.get(i);
            form.element("groups", i).add("courseid", g.courseId()).add("name", g.name())
                    .add("description", g.description()).add("descriptionformat", 1).add("idnumber", g.idNumber());
        }
        return groups(array(WsFunction.CREATE_GROUPS, call(WsFunction.CREATE_GROUPS, form)));
    }

    public List<MoodleGroup> getCourseGroups(long courseId) throws MoodleException {
        MoodleForm form = new MoodleForm().add("courseid", courseId);
        return groups(array(WsFunction.COURSE_GROUPS, call(WsFunction.COURSE_GROUPS, form)));
    }

    private static List<MoodleGroup> groups(JsonValue array) {
        List<MoodleGroup> groups = new ArrayList<>();
        objects(array).forEach(g -> groups.add(new MoodleGroup(longOf(g, "id"), longOf(g, "courseid"),
                textOf(g, "name"), textOf(g, "description"), textOf(g, "idnumber"))));
        return groups;
    }

    /**
     * Adds members, of one or several groups, in calls of {@value #PAIR_CHUNK}. Adding an existing member is harmless;
     * a user not enrolled in the group's course is rejected.
     */
    public BatchOutcome<GroupMember, GroupMember> addGroupMembers(List<GroupMember> members) {
        return BatchSplitter.run(members, PAIR_CHUNK, part -> {
            MoodleForm form = new MoodleForm();
            for (int i = 0; i < part.size(); i++) {
                form.element("members", i).add("groupid", part.get(i).groupId()).add("userid", part.get(i).userId());
            }
            call(WsFunction.ADD_GROUP_MEMBERS, form);
            return part;
        });
    }

    // ---- completion ---------------------------------------------------------------------------------------------

    /** A learner's course completion; fails with errorcode {@code usernotenroled} for someone not enrolled. */
    public CourseCompletion getCourseCompletionStatus(long courseId, long userId) throws MoodleException {
        MoodleForm form = new MoodleForm().add("courseid", courseId).add("userid", userId);
        JsonObject o = object(WsFunction.COURSE_COMPLETION_STATUS, call(WsFunction.COURSE_COMPLETION_STATUS, form));
        JsonObject status = o.getJsonObject("completionstatus");
        if (status == null) {
            throw malformed(WsFunction.COURSE_COMPLETION_STATUS, "no completionstatus member");
        }
        List<CompletionCriterion> criteria = new ArrayList<>();
        for (JsonObject c : objects(status, "completions")) {
            JsonObject details = c.getJsonObject("details");
            criteria.add(new CompletionCriterion((int) longOf(c, "type"), textOf(c, "title"), boolOf(c, "complete"),
                    longOf(c, "timecompleted"), details == null ? null : textOf(details, "requirement")));
        }
        return new CourseCompletion(boolOf(status, "completed"), (int) longOf(status, "aggregation"), criteria);
    }

    /** A learner's activity completion; activities whose type the web-service user may not view are missing. */
    public List<ActivityCompletion> getActivitiesCompletionStatus(long courseId, long userId)
            throws MoodleException {
        MoodleForm form = new MoodleForm().add("courseid", courseId).add("userid", userId);
        JsonObject o = object(WsFunction.ACTIVITIES_COMPLETION_STATUS,
                call(WsFunction.ACTIVITIES_COMPLETION_STATUS, form));
        List<ActivityCompletion> list = new ArrayList<>();
        objects(o, "statuses").forEach(s -> list.add(activity(s, userId)));
        return list;
    }

    /** Marks an activity complete or incomplete for a learner, as a teacher would. */
    public ActivityCompletion overrideActivityCompletion(long userId, long cmid, boolean complete)
            throws MoodleException {
        MoodleForm form = new MoodleForm().add("userid", userId).add("cmid", cmid).add("newstate", complete);
        return activity(object(WsFunction.OVERRIDE_ACTIVITY_COMPLETION,
                call(WsFunction.OVERRIDE_ACTIVITY_COMPLETION, form)), userId);
    }

    private static ActivityCompletion activity(JsonObject s, long userId) {
        return new ActivityCompletion(longOf(s, "cmid"), s.containsKey("userid") ? longOf(s, "userid") : userId,
                textOf(s, "modname"), (int) longOf(s, "state"), longOf(s, "timecompleted"), (int) longOf(s, "tracking"),
                longOf(s, "overrideby"));
    }

    // ---- grades -------------------------------------------------------------------------------------------------

    /** One learner's grade items in a course. */
    public UserGrades getGradeItems(long courseId, long userId) throws MoodleException {
        List<UserGrades> grades = gradeItems(new MoodleForm().add("courseid", courseId).add("userid", userId));
        if (grades.isEmpty()) {
            throw malformed(WsFunction.USER_GRADE_ITEMS, "no usergrades for user " + userId);
        }
        return grades.get(0);
    }

    /** Every learner's grade items in a course. */
    public List<UserGrades> getGradeItems(long courseId) throws MoodleException {
        return gradeItems(new MoodleForm().add("courseid", courseId));
    }

    private List<UserGrades> gradeItems(MoodleForm form) throws MoodleException {
        JsonObject o = object(WsFunction.USER_GRADE_ITEMS, call(WsFunction.USER_GRADE_ITEMS, form));
        List<UserGrades> result = new ArrayList<>();
        for (JsonObject g : objects(o, "usergrades")) {
            List<GradeItem> items = new ArrayList<>();
            for (JsonObject i : objects(g, "gradeitems")) {
                Double min = doubleOrNull(i, "grademin");
                Double max = doubleOrNull(i, "grademax");
                items.add(new GradeItem(longOf(i, "id"), textOf(i, "itemname"), textOf(i, "itemtype"),
                        textOf(i, "itemmodule"), longOf(i, "cmid"), doubleOrNull(i, "graderaw"),
                        min == null ? 0 : min, max == null ? 0 : max, textOf(i, "gradeformatted"),
                        textOf(i, "percentageformatted"), longOf(i, "gradedategraded")));
            }
            result.add(new UserGrades(longOf(g, "userid"), longOf(g, "courseid"), textOf(g, "userfullname"),
                    textOf(g, "useridnumber"), items));
        }
        return result;
    }

    // ---- messages -----------------------------------------------------------------------------------------------

    /**
     * Sends one message. One per call on purpose: Moodle 4.5.6 delivers a call mixing a deliverable and an
     * undeliverable message but answers with a formatnotsupported error, so the caller cannot know what was sent.
     */
    public MessageResult sendInstantMessage(InstantMessage message) throws MoodleException {
        MoodleForm form = new MoodleForm();
        form.element("messages", 0).add("touserid", message.toUserId()).add("text", message.text())
                .add("textformat", message.format().code).add("clientmsgid", message.clientMessageId());
        List<JsonObject> results = objects(array(WsFunction.SEND_INSTANT_MESSAGES,
                call(WsFunction.SEND_INSTANT_MESSAGES, form)));
        if (results.size() != 1) {
            throw malformed(WsFunction.SEND_INSTANT_MESSAGES, results.size() + " results for one message");
        }
        JsonObject r = results.get(0);
        return new MessageResult(longOf(r, "msgid"), textOf(r, "clientmsgid"), textOf(r, "errormessage"));
    }

    // ---- the call -----------------------------------------------------------------------------------------------

    /** One POST; Moodle's error bodies (HTTP 200) become {@link MoodleErrorException}s. */
    private JsonValue call(WsFunction function, MoodleForm params) throws MoodleException {
        String name = function.wsName();
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("wstoken", token).add("wsfunction", name).add("moodlewsrestformat", "json");
        params.fields().forEach(field -> form.add(field[0], field[1]));
        Request request = new Request.Builder().url(endpoint).post(form.build())
                .header("Accept", "application/json").build();
        long started = System.nanoTime();
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MoodleTransportException(name, MoodleTransportException.Reason.CONNECTION_FAILED, 0,
                    name + ": interrupted while waiting to call Moodle", e);
        }
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (response.code() != 200) {
                throw httpError(name, response, body);
            }
            JsonValue value = parse(name, body, response);
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && (value.asJsonObject().containsKey("exception") || value.asJsonObject().containsKey("errorcode"))) {
                throw MoodleErrorException.of(name, value.asJsonObject(), this::redact);
            }
            LOG.fine(() -> name + " answered in " + millis(started) + " ms");
            return value;
        } catch (InterruptedIOException e) {
            throw transportFailure(name, MoodleTransportException.Reason.TIMEOUT, "Moodle did not answer in time", e,
                    started);
        } catch (IOException e) {
            throw transportFailure(name, MoodleTransportException.Reason.CONNECTION_FAILED,
                    "Moodle could not be reached", e, started);
        } catch (MoodleException e) {
            LOG.log(Level.FINE, e.getMessage());
            throw e;
        } finally {
            permits.release();
        }
    }

    private MoodleTransportException transportFailure(String name, MoodleTransportException.Reason reason,
            String what, IOException cause, long started) {
        String message = redact(name + ": " + what + " at " + endpoint + " (" + cause + ") after "
                + millis(started) + " ms");
        LOG.log(Level.FINE, message);
        return new MoodleTransportException(name, reason, 0, message, cause);
    }

    private MoodleTransportException httpError(String name, Response response, String body) {
        String location = response.header("Location");
        String message = name + ": Moodle answered HTTP " + response.code()
                + (location != null ? " redirecting to " + location + " (use that address as the base URL)" : "")
                + ": " + snippet(redact(body));
        return new MoodleTransportException(name, MoodleTransportException.Reason.HTTP_ERROR, response.code(),
                redact(message), null);
    }

    private JsonValue parse(String name, String body, Response response) throws MoodleTransportException {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException e) {
            String type = response.header("Content-Type", "no content type");
            throw new MoodleTransportException(name, MoodleTransportException.Reason.MALFORMED_RESPONSE,
                    response.code(), redact(name + ": Moodle answered " + type + " that is not JSON: "
                    + snippet(redact(body))), null);
        }
    }

    private static JsonObject object(WsFunction function, JsonValue value) throws MoodleTransportException {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed(function, "expected an object, got " + value.getValueType());
        }
        return value.asJsonObject();
    }

    private static JsonValue array(WsFunction function, JsonValue value) throws MoodleTransportException {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw malformed(function, "expected a list, got " + value.getValueType());
        }
        return value;
    }

    private static MoodleTransportException malformed(WsFunction function, String what) {
        return new MoodleTransportException(function.wsName(), MoodleTransportException.Reason.MALFORMED_RESPONSE, 200,
                function.wsName() + ": unexpected answer: " + what, null);
    }

    /**
     * The start of an answer, for a message people read: an HTML error page (or XML) as its text without the markup,
     * whitespace collapsed.
     */
    private static String snippet(String body) {
        String text = body.stripLeading().startsWith("<")
                ? body.replaceAll("(?is)<(script|style)\\b.*?</\\1\\s*>", " ").replaceAll("<[^>]*>?", " ") : body;
        text = text.replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "(empty body)" : text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private static long millis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Masks the token, raw or URL-encoded, in any text that could come back from outside. */
    private String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replace(token, "[token]")
                .replace(URLEncoder.encode(token, StandardCharsets.UTF_8), "[token]");
    }
}
