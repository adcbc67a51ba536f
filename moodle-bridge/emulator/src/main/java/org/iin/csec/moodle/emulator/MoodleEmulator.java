package org.iin.csec.moodle.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * An in-memory Moodle 4.5 speaking the REST web-service protocol on {@code 127.0.0.1}, for tests and the product's
 * demo run. It answers the functions of the bridge's external service with the body shapes, error bodies and quirks
 * of the captures in {@code shared/moodle-contract}: errors with HTTP 200, all-or-nothing batches that still consume
 * ids, JSON {@code null} success bodies, hidden e-mails without {@code moodle/site:viewuseridentity}, XML when
 * {@code moodlewsrestformat} is omitted.
 *
 * <p>A fresh site has the front page (course 1), category 1, the users guest (1), admin (2) and the web-service user
 * wsbridge (3), whose token is {@link #token()}. Tests seed courses, activities, users and completion with the methods
 * below, make Moodle fail with {@link #injectFault(Fault)} and count calls with {@link #callCount(String)}.
 *
 * <pre>{@code
 * try (MoodleEmulator moodle = MoodleEmulator.start()) {
 *     long course = moodle.createCourse("CSEC-101", "CSEC semi-distance course", "CSEC-101-2025");
 *     MoodleClient client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token()).build();
 *     ...
 * }
 * }</pre>
 */
public final class MoodleEmulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MoodleEmulator.class.getName());

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every answer waits ~40 ms for the
        // client's delayed ACK. Read once by the JDK when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final String ENDPOINT = "/webservice/rest/server.php";
    private static final String JSON = "application/json";
    private static final String XML = "application/xml; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";

    private final Site site;
    private final String token;
    private final Map<String, Functions.Handler> handlers = Functions.handlers();
    private final ExecutorService executor;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Fault> functionFaults = new ConcurrentHashMap<>();
    private final InetSocketAddress address;
    private volatile Duration latency;
    private volatile Fault globalFault;
    private HttpServer server;

    private MoodleEmulator(Builder builder) throws IOException {
        this.token = builder.token;
        this.latency = builder.latency;
        this.site = new Site(builder.clock, builder.siteName, builder.siteShortName, randomHex());
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "moodle-emulator");
            thread.setDaemon(true);
            return thread;
        });
        this.server = listen(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), builder.port));
        this.address = server.getAddress();
        site.baseUrl = "http://127.0.0.1:" + address.getPort();
    }

    /** Starts an emulator on an ephemeral port of 127.0.0.1 with a random token and no latency. */
    public static MoodleEmulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a new emulator. */
    public static final class Builder {
        private String token = randomHex();
        private Duration latency = Duration.ZERO;
        private Clock clock = Clock.systemUTC();
        private String siteName = "Moodle emulator";
        private String siteShortName = "emulator";
        private int port;

        private Builder() {
        }

        /** The web-service token the emulator accepts; random by default. */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** Time added to every call, to make batching visible in benchmarks. */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** The site's clock: creation and completion times, enrolment windows. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The site's full name (site info, front page) and short name. */
        public Builder siteName(String fullName, String shortName) {
            this.siteName = Objects.requireNonNull(fullName, "fullName");
            this.siteShortName = Objects.requireNonNull(shortName, "shortName");
            return this;
        }

        /** A fixed port on 127.0.0.1 (the demo run's); 0, the default, picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public MoodleEmulator start() {
            try {
                return new MoodleEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Moodle emulator", e);
            }
        }
    }

    /** The site's base URL, e.g. {@code http://127.0.0.1:41234}, to give the client. */
    public String baseUrl() {
        return site.baseUrl;
    }

    public String token() {
        return token;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "MoodleEmulator[" + site.baseUrl + "]";
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    private HttpServer listen(InetSocketAddress bindTo) throws IOException {
        HttpServer http = HttpServer.create(bindTo, 50);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
        return http;
    }

    private void handle(HttpExchange exchange) {
        try {
            if (!exchange.getRequestURI().getPath().equals(ENDPOINT)) {
                send(exchange, 404, HTML, "<html><body><h1>Not Found</h1></body></html>");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            FormParams params = FormParams.parse(query == null ? body : query + "&" + body);
            String function = Objects.requireNonNullElse(params.string("wsfunction"), "");
            calls.computeIfAbsent(function, f -> new AtomicInteger()).incrementAndGet();
            pause(latency);
            Fault fault = functionFaults.getOrDefault(function, globalFault);
            boolean json = "json".equals(params.string("moodlewsrestformat"));
            if (fault != null) {
                switch (fault.kind()) {
                    case CONNECTION_CLOSED -> {
                        return; // closed in finally without an answer
                    }
                    case HTTP_STATUS -> {
                        send(exchange, fault.httpStatus(), HTML, errorPage(fault.httpStatus() + " Server Error"));
                        return;
                    }
                    case HTML_PAGE -> {
                        send(exchange, 200, HTML, errorPage("Error reading from database"));
                        return;
                    }
                    case INVALID_TOKEN -> {
                        send(exchange, 200, json ? JSON : XML, error(WsError.invalidToken(), json));
                        return;
                    }
                    default -> {
                        // SLOW and TRUNCATED_JSON run the function first
                    }
                }
            }
            String answer = answer(function, params, json);
            if (fault != null && fault.kind() == Fault.Kind.SLOW) {
                pause(fault.delay());
            }
            if (fault != null && fault.kind() == Fault.Kind.TRUNCATED_JSON) {
                answer = answer.substring(0, answer.length() / 2);
            }
            send(exchange, 200, json ? JSON : XML, answer);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Client went away before the answer was sent", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Emulator failure", e);
            try {
                send(exchange, 500, HTML, errorPage("Emulator failure"));
            } catch (IOException ignored) {
                // the client is gone
            }
        } finally {
            exchange.close();
        }
    }

    private String answer(String function, FormParams params, boolean json) {
        synchronized (site) {
            try {
                if (!token.equals(params.string("wstoken"))) {
                    throw WsError.invalidToken();
                }
                if (function.isEmpty()) {
                    throw WsError.invalidParameter("Missing required key in single structure: wsfunction");
                }
                if (!Functions.exists(function)) {
                    throw WsError.missingRecord("external_functions");
                }
                if (!site.serviceFunctions.contains(function)) {
                    throw WsError.accessException();
                }
                JsonValue value = handlers.get(function).handle(new Functions.Call(site, params));
                return json ? PhpJson.encode(value) : MoodleXml.response(describedForXml(function, value));
            } catch (WsError e) {
                return error(e, json);
            }
        }
    }

    private String error(WsError e, boolean json) {
        if (!json) {
            return MoodleXml.exception(e, site.debugging);
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("exception", e.exceptionClass)
                .add("errorcode", e.errorCode).add("message", e.getMessage());
        if (site.debugging && e.debugInfo != null) {
            body.add("debuginfo", e.debugInfo);
        }
        return PhpJson.encode(body.build());
    }

    /**
     * Moodle's XML writer walks the function's return description, so optional members that JSON leaves out appear
     * in XML as null values or empty lists. These are the ones the captures show.
     */
    private static JsonValue describedForXml(String function, JsonValue value) {
        return switch (function) {
            case "core_webservice_get_site_info" -> {
                JsonObject info = value.asJsonObject();
                info = insertAfter(info, "userhomepage", "userhomepageurl", JsonValue.NULL);
                yield insertAfter(info, "limitconcurrentlogins", "usersessionscount", JsonValue.NULL);
            }
            case "core_course_get_courses_by_field" -> {
                JsonArrayBuilder courses = Json.createArrayBuilder();
                for (JsonValue course : value.asJsonObject().getJsonArray("courses")) {
                    JsonObject withFields = insertAfter(course.asJsonObject(), "enrollmentmethods", "customfields",
                            JsonValue.EMPTY_JSON_ARRAY);
                    courses.add(Json.createObjectBuilder(withFields).add("communicationroomname", JsonValue.NULL)
                            .add("communicationroomurl", JsonValue.NULL));
                }
                yield Json.createObjectBuilder(value.asJsonObject()).add("courses", courses).build();
            }
            default -> value;
        };
    }

    private static JsonObject insertAfter(JsonObject object, String after, String name, JsonValue inserted) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        object.forEach((key, member) -> {
            builder.add(key, member);
            if (key.equals(after)) {
                builder.add(name, inserted);
            }
        });
        return builder.build();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String errorPage(String title) {
        return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title
                + "</h1><p>The server could not complete your request.</p></body></html>\n";
    }

    private static void pause(Duration duration) {
        if (!duration.isZero()) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ---- faults, latency and counters ---------------------------------------------------------------------------

    /** Makes every call fail this way until {@link #clearFaults()}. */
    public void injectFault(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        synchronized (this) {
            if (fault.kind() == Fault.Kind.CONNECTION_REFUSED && server != null) {
                server.stop(0);
                server = null;
            }
        }
        globalFault = fault;
    }

    /** Makes calls to one function fail this way until {@link #clearFaults()}. */
    public void injectFault(String function, Fault fault) {
        if (fault.kind() == Fault.Kind.CONNECTION_REFUSED) {
            throw new IllegalArgumentException("A refused connection cannot depend on the function called");
        }
        functionFaults.put(function, fault);
    }

    /** Removes every fault; after a refused connection, listens again on the same port. */
    public void clearFaults() {
        functionFaults.clear();
        globalFault = null;
        synchronized (this) {
            if (server == null && !executor.isShutdown()) {
                try {
                    server = listen(address);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot listen again on " + address, e);
                }
            }
        }
    }

    public void setLatency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** Requests that named this function, including failed ones (refused connections never arrive). */
    public int callCount(String function) {
        AtomicInteger count = calls.get(function);
        return count == null ? 0 : count.get();
    }

    public int totalCallCount() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Calls per function, for reports. */
    public Map<String, Integer> callCounts() {
        return calls.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    public void resetCallCounts() {
        calls.clear();
    }

    // ---- site configuration -------------------------------------------------------------------------------------

    /**
     * Takes a capability away from the web-service user's role. Modelled: {@code moodle/site:viewuseridentity}
     * (e-mails hidden, e-mail lookups silently empty), {@code moodle/site:messageanyuser} and
     * {@code mod/<modname>:view} (activities of that type invisible).
     */
    public void revokeCapability(String capability) {
        checkModelled(capability);
        synchronized (site) {
            site.revokedCapabilities.add(capability);
        }
    }

    public void grantCapability(String capability) {
        checkModelled(capability);
        synchronized (site) {
            site.revokedCapabilities.remove(capability);
        }
    }

    private static void checkModelled(String capability) {
        if (!capability.equals(Site.VIEW_USER_IDENTITY) && !capability.equals(Site.MESSAGE_ANY_USER)
                && !capability.matches("mod/[a-z]+:view")) {
            throw new IllegalArgumentException("The emulator does not model " + capability);
        }
    }

    /** Takes a function out of the external service: site info stops listing it and calls get accessexception. */
    public void removeFunction(String function) {
        synchronized (site) {
            site.serviceFunctions.remove(function);
        }
    }

    /** Debugging at DEVELOPER level adds {@code debuginfo} to error bodies. */
    public void setDebugging(boolean debugging) {
        synchronized (site) {
            site.debugging = debugging;
        }
    }

    public void addProfileField(String shortName, String name) {
        synchronized (site) {
            site.profileFields.put(shortName, name);
        }
    }

    // ---- seeding ------------------------------------------------------------------------------------------------

    /** A course with completion enabled and one section besides the general one; returns its id. */
    public long createCourse(String shortName, String fullName, String idNumber) {
        synchronized (site) {
            Site.Course course = site.addCourse(shortName, fullName, 1);
            course.idnumber = Objects.requireNonNullElse(idNumber, "");
            course.enablecompletion = true;
            course.numsections = 1;
            course.startdate = site.now();
            site.addSections(course);
            return course.id;
        }
    }

    /** Adds an activity (e.g. "page", "assign", "forum", "quiz") to a section; returns its course module id. */
    public long addActivity(long courseId, int section, String modName, String name, CompletionRule completion) {
        synchronized (site) {
            return site.addModule(course(courseId), section, modName, name, completion).cmid;
        }
    }

    /** Gives an activity a grade item (natural aggregation into the course total). */
    public void addGradeItem(long cmid, double gradeMax, String idNumber) {
        synchronized (site) {
            site.addGradeItem(module(cmid), gradeMax, idNumber);
        }
    }

    /** Course completion requires every activity that tracks completion (aggregation: all). */
    public void requireActivityCompletion(long courseId) {
        synchronized (site) {
            Site.Course course = course(courseId);
            site.modulesOf(course).stream().filter(m -> m.completion != CompletionRule.NONE)
                    .forEach(m -> course.criteria.add(new Site.Criterion(Site.Criterion.ACTIVITY, m.cmid)));
        }
    }

    /** Course completion requires the learner to mark the course complete themselves. */
    public void requireSelfCompletion(long courseId) {
        synchronized (site) {
            course(courseId).criteria.add(new Site.Criterion(Site.Criterion.SELF, null));
        }
    }

    /** An existing account, as if made by hand in Moodle; returns its id. */
    public long createUser(String username, String firstName, String lastName, String email, String idNumber) {
        synchronized (site) {
            if (!UserFunctions.isCleanUsername(username) || site.userByUsername(username) != null) {
                throw new IllegalArgumentException("Bad or taken username: " + username);
            }
            Site.User user = site.addUser(username, firstName, lastName, email);
            user.idnumber = Objects.requireNonNullElse(idNumber, "");
            return user.id;
        }
    }

    /** Enrols a user as student, active, without dates. */
    public void enrol(long userId, long courseId) {
        synchronized (site) {
            user(userId);
            course(courseId).enrolments.computeIfAbsent(userId, Site.Enrolment::new).roleId = Site.STUDENT_ROLE;
        }
    }

    /** The learner completes an activity, now. */
    public void completeActivity(long userId, long cmid) {
        synchronized (site) {
            user(userId);
            Site.Module module = module(cmid);
            Site.ActivityState state = new Site.ActivityState();
            state.state = 1;
            state.timecompleted = site.now();
            module.states.put(userId, state);
            site.activityStateChanged(module, userId, state);
        }
    }

    /** The learner completes every tracked activity and self-completion criterion, and the course, now. */
    public void completeCourse(long userId, long courseId) {
        synchronized (site) {
            Site.Course course = course(courseId);
            site.modulesOf(course).stream().filter(m -> m.completion != CompletionRule.NONE)
                    .forEach(m -> completeActivity(userId, m.cmid));
            course.criteria.stream().filter(c -> c.type == Site.Criterion.SELF)
                    .forEach(c -> c.completedAt.putIfAbsent(userId, site.now()));
            if (course.enrolments.containsKey(userId) && !course.criteria.isEmpty()) {
                course.completedAt.putIfAbsent(userId, site.now());
            }
        }
    }

    public void setGrade(long cmid, long userId, double grade) {
        synchronized (site) {
            user(userId);
            Site.Module module = module(cmid);
            if (module.gradeItem == null) {
                throw new IllegalArgumentException("Activity " + cmid + " has no grade item");
            }
            module.gradeItem.grades.put(userId, new double[] {grade, site.now()});
        }
    }

    /** Runs Moodle's completion cron tasks: self-completed learners now count as having completed the course. */
    public void runCompletionTasks() {
        synchronized (site) {
            site.runCompletionTasks();
        }
    }

    private Site.Course course(long courseId) {
        Site.Course course = site.courses.get(courseId);
        if (course == null || course.site) {
            throw new IllegalArgumentException("No course " + courseId);
        }
        return course;
    }

    private Site.Module module(long cmid) {
        Site.Module module = site.modules.get(cmid);
        if (module == null) {
            throw new IllegalArgumentException("No activity " + cmid);
        }
        return module;
    }

    private Site.User user(long userId) {
        Site.User user = site.user(userId);
        if (user == null) {
            throw new IllegalArgumentException("No user " + userId);
        }
        return user;
    }

    // ---- inspection ---------------------------------------------------------------------------------------------

    /** Every account, guest, admin and the web-service user included. */
    public int userCount() {
        synchronized (site) {
            return site.users.size();
        }
    }

    public OptionalLong userIdByIdNumber(String idNumber) {
        synchronized (site) {
            return site.users.values().stream().filter(u -> u.idnumber.equals(idNumber))
                    .mapToLong(u -> u.id).findFirst();
        }
    }

    /** The user's username, e-mail and country, as stored. */
    public Optional<Account> account(long userId) {
        synchronized (site) {
            return Optional.ofNullable(site.user(userId))
                    .map(u -> new Account(u.id, u.username, u.email, u.idnumber, u.country, u.auth));
        }
    }

    /** A stored account, for assertions. */
    public record Account(long id, String username, String email, String idNumber, String country, String auth) {
    }

    public Set<Long> enrolledUserIds(long courseId) {
        synchronized (site) {
            return new TreeSet<>(course(courseId).enrolments.keySet());
        }
    }

    /** A stored enrolment, for assertions. */
    public record EnrolmentState(int roleId, long timeStart, long timeEnd, boolean suspended) {
    }

    public Optional<EnrolmentState> enrolment(long userId, long courseId) {
        synchronized (site) {
            return Optional.ofNullable(course(courseId).enrolments.get(userId))
                    .map(e -> new EnrolmentState(e.roleId, e.timestart, e.timeend, e.suspended));
        }
    }

    /** The course's group names, one entry per group (so a duplicate would show twice). */
    public List<String> groupNames(long courseId) {
        synchronized (site) {
            return site.groups.values().stream().filter(g -> g.courseId == courseId).map(g -> g.name).sorted()
                    .toList();
        }
    }

    public Set<Long> groupMemberIds(long courseId, String groupName) {
        synchronized (site) {
            return site.groups.values().stream().filter(g -> g.courseId == courseId && g.name.equals(groupName))
                    .flatMap(g -> g.members.stream()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The HTML texts of the messages delivered to a user, oldest first. */
    public List<String> messagesTo(long userId) {
        synchronized (site) {
            return site.messages.stream().filter(m -> m.to() == userId).map(Site.Message::text).toList();
        }
    }
}
