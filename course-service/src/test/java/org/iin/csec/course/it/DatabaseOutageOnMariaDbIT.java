package org.iin.csec.course.it;

import jakarta.json.JsonObject;
import org.awaitility.core.ConditionTimeoutException;
import org.iin.csec.chassis.testing.PayaraProcess;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.course.it.Api.expect;
import static org.iin.csec.course.it.Api.nominee;

/**
 * The course database goes away under a running course-service and comes back, on MariaDB, without stopping the
 * shared server: root locks the service's own database user ({@code ACCOUNT LOCK}) and kills its connections, later
 * unlocks it. One Payara Micro process (a {@link PayaraProcess}), and a Moodle emulator in this JVM made slow (one
 * second a call) so that Moodle work is both in flight and queued when the outage starts.
 * <ul>
 *     <li>Readiness goes DOWN on the course database: the outage is real.</li>
 *     <li>A CSV import of 1,200 nominations is cut off in the middle of its transaction (its first hundred rows are in
 *     MariaDB, uncommitted, when the connections are killed): a problem document, and nothing of it stays. The same
 *     import, a single nomination, a roster read, a sign-in and a signed-in page's request sent during the outage
 *     are answered in time with a server error and no internals; signing in is not told the password is wrong.
 *     Afterwards the state's roster and audit log are exactly as before (API and MariaDB), the session opened before
 *     the outage still works, and the same import succeeds whole on the same process.</li>
 *     <li>Moodle enrolments in flight (Moodle did the work, the outcome could not be recorded) and queued when the
 *     outage began are neither lost nor duplicated: every accepted participant ends ENROLLED, one Moodle account, one
 *     enrolment and one group membership each, nothing FAILED.</li>
 *     <li>Every request refused during the outage, sign-in included, is a 503 problem document with Retry-After, like
 *     every other error of the API (the account or session look-up failing is "try again", never "wrong password"
 *     nor a bare 500).</li>
 * </ul>
 * Bodies stay under 64 KiB: over an HTTP/2 connection the JDK client reuses, Payara never answers a request whose
 * larger body it refuses before reading (the connection is dropped after 30 s), whatever the refusal.
 */
@ExtendWith(MariaDbDatabase.class)
class DatabaseOutageOnMariaDbIT {

    private static final String EDITION = "IT-DBOUT";
    private static final String LEADER = "out.leader";
    private static final String COORD_AR = "out.coord.ar";
    private static final String COORD_UY = "out.coord.uy";
    /** Accepted in AR: their Moodle enrolment is the work the outage must not lose. */
    private static final int ACCEPTED = 20;
    /** UY's roster before the outage, and the import cut off by it (CsvFile.MAX_ROWS is 2,000). */
    private static final int UY_BEFORE = 5;
    private static final int BIG_IMPORT = 1200;
    /** Every Moodle call waits this long: an enrolment sync (8 calls) takes about 8 s. */
    private static final Duration MOODLE_LATENCY = Duration.ofMillis(1000);
    private static final long LEASE_SECONDS = 10;
    private static final String LOGS = "payara-db-outage";

    private static final String COURSES = "core_course_get_courses_by_field";
    private static final String CREATE_USERS = "core_user_create_users";
    private static final String ENROL = "enrol_manual_enrol_users";

    private static final String MOODLE_TOKEN = HexFormat.of().formatHex(ServiceConfiguration.randomBytes(16));
    private static MoodleEmulator moodle;
    private static long course;
    private static String databaseUser;
    private static String databasePassword;
    private static Path configuration;
    private static PayaraProcess service;
    private static Duration startup;
    private static final List<String> sessionTokens = new ArrayList<>();

    @BeforeAll
    static void startOneInstanceWithASlowMoodle() throws IOException {
        Path target = PayaraProcess.target();
        PayaraProcess.deleteLogs(LOGS);
        moodle = MoodleEmulator.builder().token(MOODLE_TOKEN).siteName("Moodle (emulated, database outage)", "IT").start();
        course = moodle.createCourse("CSEC-DBOUT", "Curso semipresencial ESCNNA", "CSEC-DBOUT-IT");

        // MariaDbDatabase made the database and its user.
        Properties settings = MariaDbDatabase.settings();
        databaseUser = settings.getProperty("course.db.user");
        databasePassword = settings.getProperty("course.db.password");
        settings.setProperty("csec.moodle.url", moodle.baseUrl());
        settings.setProperty("csec.moodle.token", MOODLE_TOKEN);
        settings.setProperty("csec.outbox.interval-seconds", "1");
        settings.setProperty("csec.outbox.lease-seconds", String.valueOf(LEASE_SECONDS));
        configuration = target.resolve("it-db-outage.properties");
        ServiceConfiguration.write(configuration, settings);

        Instant started = Instant.now();
        service = PayaraProcess.start("course-service", LOGS, target.resolve("course-service.war"), "course", configuration);
        service.awaitDeployed(started.plusSeconds(240), "/api/v1/me");
        startup = Duration.between(started, Instant.now());
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (moodle != null) {
                moodle.close();
            }
            if (configuration != null) {
                Files.deleteIfExists(configuration);
            }
        }
        List<String> secrets = new ArrayList<>(List.of(databasePassword == null ? "" : databasePassword, MOODLE_TOKEN,
                ServiceConfiguration.ADMIN_PASSWORD, ServiceConfiguration.ACCOUNT_PASSWORD));
        secrets.addAll(sessionTokens);
        LogsKeepSecrets.check(LOGS, secrets);
    }

    @Test
    void theDatabaseGoesAwayAndComesBackWithNothingLostOrHalfWritten() throws Exception {
        Api api = new Api(service.deployment());
        Instant setUp = Instant.now();
        api.account(LEADER, "COURSE_LEADER", null);
        api.account(COORD_AR, "STATE_COORDINATOR", "AR");
        api.account(COORD_UY, "STATE_COORDINATOR", "UY");
        api.openEdition(LEADER, EDITION, "AR=" + ACCEPTED, "UY=40");
        expect(200, api.patch(LEADER, "/editions/" + EDITION, "{\"moodleCourseId\":" + course + "}"));
        expect(201, api.postCsv(COORD_UY, nominations("UY"), nomineesCsv("UY", "before", UY_BEFORE)));
        expect(201, api.postCsv(COORD_AR, nominations("AR"), nomineesCsv("AR", "moodle", ACCEPTED)));
        List<JsonObject> nominatedInAr = participants(api, "AR", null);
        assertThat(nominatedInAr).hasSize(ACCEPTED);
        // A page's sign-in session, opened before the outage and used during it.
        String session = expect(201, api.post(null, "/sessions", signIn(COORD_UY))).json().getString("token");
        sessionTokens.add(session);
        int moodleAccountsBefore = moodle.userCount();

        // Moodle is slow: the first accepted are leased and sent as one batch; the rest queue behind it.
        moodle.setLatency(MOODLE_LATENCY);
        acceptAll(api, nominatedInAr.subList(0, ACCEPTED / 2));
        awaitTrue(() -> moodle.callCount(COURSES) >= 1, Duration.ofSeconds(20), "the first Moodle batch to start");
        acceptAll(api, nominatedInAr.subList(ACCEPTED / 2, ACCEPTED));
        Duration setUpTook = Duration.between(setUp, Instant.now());

        // What the outage must leave untouched: UY's roster and audit log, as the API and MariaDB show them.
        String rosterBefore = expect(200, api.get(COORD_UY, nominations("UY"))).body();
        String auditBefore = expect(200, api.get(LEADER, auditOfUy())).body();
        List<String> participantRowsBefore = rows("select * from participant where state_code = 'UY' order by id");
        List<String> auditRowsBefore = rows("select * from audit_entry where state_code = 'UY' order by id");
        assertThat(participantRowsBefore).hasSize(UY_BEFORE);
        assertThat(auditRowsBefore).filteredOn(row -> row.contains("|participant.nominated|")).hasSize(UY_BEFORE);
        byte[] bigImport = nomineesCsv("UY", "big", BIG_IMPORT);
        // Under 64 KiB: a larger body refused before it is read (as every request is while the database is away)
        // gets no answer at all over an HTTP/2 connection the JDK client reuses (see the class comment).
        assertThat(bigImport.length).isLessThan(65_535);

        ExecutorService background = Executors.newFixedThreadPool(6);
        Outage outage = new Outage();
        Map<String, Future<Timed>> sent = new LinkedHashMap<>();
        Map<String, Timed> during = new LinkedHashMap<>();
        Timed cutOff;
        Timed readinessDown;
        Instant importSent;
        int enrolFailuresLoggedBefore = occurrencesInLog("Outbox pass for MOODLE_ENROL failed");
        OutboxCounts atOutage;
        Map<String, Integer> moodleCallsAtOutage;
        int uncommittedAtOutage;
        try (Connection root = MariaDbDatabase.connect(); Connection dirty = MariaDbDatabase.connect()) {
            // The big import runs; once it has written its first hundred rows (uncommitted), the database goes away.
            dirty.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            importSent = Instant.now();
            Future<Api.Reply> importing = background.submit(() -> api.postCsv(COORD_UY, nominations("UY"), bigImport));
            awaitTrue(() -> uncommitted(dirty) >= UY_BEFORE + 100 || importing.isDone(), Duration.ofSeconds(60),
                    "the big import to write its first rows");
            try {
                uncommittedAtOutage = uncommitted(dirty) - UY_BEFORE;
                outage.begin(root);
                atOutage = outboxCounts(root);
                moodleCallsAtOutage = new TreeMap<>(moodle.callCounts());

                cutOff = Timed.of(importSent, () -> futureReply(importing));
                // The queries really fail: readiness goes DOWN because of the course database.
                readinessDown = awaitReadiness(api, 503, outage.began.plusSeconds(30));

                // All at once, as people would: each waits for the database on its own.
                sent.put("CSV import", background.submit(() -> Timed.of(() ->
                        api.postCsv(COORD_UY, nominations("UY"), bigImport))));
                sent.put("single nomination", background.submit(() -> Timed.of(() ->
                        api.post(COORD_UY, nominations("UY"), nominee("Single", "single.uy@example.org")))));
                sent.put("roster (read)", background.submit(() -> Timed.of(() -> api.get(COORD_UY, nominations("UY")))));
                sent.put("sign-in", background.submit(() -> Timed.of(() -> api.post(null, "/sessions", signIn(COORD_UY)))));
                sent.put("session's request", background.submit(() -> Timed.of(() -> api.withSession(session, "GET", "/me"))));
                for (Map.Entry<String, Future<Timed>> request : sent.entrySet()) {
                    during.put(request.getKey(), request.getValue().get(90, TimeUnit.SECONDS));
                }

                // The Moodle batch in flight finishes in Moodle and then cannot record its outcome.
                awaitTrue(() -> occurrencesInLog("Outbox pass for MOODLE_ENROL failed") > enrolFailuresLoggedBefore,
                        Duration.ofSeconds(40), 100, "the Moodle batch in flight to fail recording its outcome");
            } finally {
                outage.end(root);
            }
        } finally {
            background.shutdownNow();
        }
        Map<String, Integer> moodleCallsDuringOutage = new TreeMap<>(moodle.callCounts());

        // Back without a restart: readiness UP, then a request that needs the database.
        Timed readinessUp = awaitReadiness(api, 200, outage.ended.plusSeconds(60));
        assertThat(readinessUp.reply().json().getString("status")).isEqualTo("UP");
        Instant firstAnswer = awaitTrue(() -> api.get(COORD_UY, "/me").status() == 200, Duration.ofSeconds(30), 100,
                "a signed-in request to succeed again");

        System.out.printf("DatabaseOutageOnMariaDbIT: deployed in %d ms, set-up %d ms. Outage (user locked, %d"
                        + " connections killed) lasted %d ms; it began %d ms after the %d-row import (%d bytes) was sent,"
                        + " with %d of its rows written uncommitted, %d Moodle enrolments in flight and %d queued (Moodle"
                        + " calls so far %s). Readiness DOWN %d ms after the lock: %s%n",
                startup.toMillis(), setUpTook.toMillis(), outage.killed,
                Duration.between(outage.began, outage.ended).toMillis(),
                Duration.between(importSent, outage.began).toMillis(), BIG_IMPORT, bigImport.length,
                uncommittedAtOutage, atOutage.inFlight(), atOutage.queued(), moodleCallsAtOutage,
                Duration.between(outage.began, readinessDown.answeredAt()).toMillis(), readinessDown.reply().body());
        System.out.printf("  import cut off by the outage: %s%n", cutOff.describe());
        during.forEach((what, answer) -> System.out.printf("  during the outage, %s: %s%n", what, answer.describe()));
        System.out.printf("  after the unlock: readiness UP in %d ms, first signed-in request in %d ms; Moodle calls by"
                        + " the end of the outage %s%n", Duration.between(outage.ended, readinessUp.answeredAt()).toMillis(),
                Duration.between(outage.ended, firstAnswer).toMillis(), moodleCallsDuringOutage);

        // --- The outage was real, and hit work in the middle.
        assertThat(outage.killed).as("service connections killed").isPositive();
        assertThat(readinessDown.reply().json().getString("status")).isEqualTo("DOWN");
        assertThat(check(readinessDown.reply(), "course-database").getString("status")).isEqualTo("DOWN");
        assertThat(uncommittedAtOutage).as("rows the import had written, uncommitted, when the outage began")
                .isBetween(100, BIG_IMPORT - 1);
        assertThat(atOutage.inFlight()).as("Moodle work in flight (leased, not recorded) when the outage began")
                .isPositive();
        assertThat(atOutage.queued()).as("Moodle work queued when the outage began").isPositive();

        // --- 1. The import cut off in its transaction: a clear error, and nothing of it stays.
        assertClearError("import cut off by the outage", cutOff);
        // 3. A person signing in is not told their password is wrong because the database is down.
        assertThat(during.get("sign-in").reply()).as("sign-in during the outage").isNotNull();
        assertThat(during.get("sign-in").reply().status()).as("sign-in during the outage: " + during.get("sign-in"))
                .isNotEqualTo(401).isGreaterThanOrEqualTo(500);
        assertClearError("sign-in", during.get("sign-in"));
        // ...nor is a page signed in before the outage told its session has ended.
        assertThat(during.get("session's request").reply()).as("a page's request during the outage").isNotNull();
        assertThat(during.get("session's request").reply().status())
                .as("a signed-in page's request during the outage: " + during.get("session's request"))
                .isNotEqualTo(401).isGreaterThanOrEqualTo(500);
        // Everything that needs the database answered soon, with an error: EclipseLink tries a dead connection
        // again once, a second later (ReconnectRetries), instead of twice, five seconds apart.
        during.forEach((what, answer) -> {
            assertThat(answer.reply()).as(what + ": " + answer).isNotNull();
            assertThat(answer.reply().status()).as(what + ": " + answer).isBetween(500, 599);
            assertThat(answer.took()).as(what + " answered in time: " + answer).isLessThan(Duration.ofSeconds(5));
            assertThat(answer.reply().body()).as(what + ": no internals").doesNotContainIgnoringCase("exception")
                    .doesNotContainIgnoringCase("sql").doesNotContain(databaseUser);
        });

        // After: the roster and the audit log exactly as before, in the API and in MariaDB.
        assertThat(expect(200, api.get(COORD_UY, nominations("UY"))).body()).isEqualTo(rosterBefore);
        assertThat(expect(200, api.get(LEADER, auditOfUy())).body()).isEqualTo(auditBefore);
        assertThat(rows("select * from participant where state_code = 'UY' order by id")).isEqualTo(participantRowsBefore);
        assertThat(rows("select * from audit_entry where state_code = 'UY' order by id")).isEqualTo(auditRowsBefore);
        // The session opened before the outage still works: the outage signed nobody out.
        assertThat(api.withSession(session, "GET", "/me").status()).isEqualTo(200);

        // The same import, on the same process, now succeeds whole; so does the single nomination.
        Instant retried = Instant.now();
        Api.Reply imported = api.postCsv(COORD_UY, nominations("UY"), bigImport);
        Duration importTook = Duration.between(retried, Instant.now());
        assertThat(imported.status()).as(imported.status() + " " + imported.body().substring(0,
                Math.min(300, imported.body().length()))).isEqualTo(201);
        expect(201, api.post(COORD_UY, nominations("UY"), nominee("Single", "single.uy@example.org")));
        assertThat(service.isAlive()).isTrue();
        assertThat(rows("select id from participant where state_code = 'UY'")).hasSize(UY_BEFORE + BIG_IMPORT + 1);
        assertThat(rows("select id from audit_entry where state_code = 'UY' and action = 'participant.nominated'"))
                .hasSize(UY_BEFORE + BIG_IMPORT + 1);
        assertThat(expect(200, api.get(COORD_UY, nominations("UY"))).json().getJsonArray("participants"))
                .hasSize(UY_BEFORE + BIG_IMPORT + 1);

        // --- 2. Moodle work queued before the outage: every participant ENROLLED, exactly once in Moodle.
        Instant allEnrolled = awaitTrue(() -> participants(api, "AR", "ENROLLED").size() == ACCEPTED,
                Duration.ofSeconds(60), 250, "every accepted participant to be ENROLLED");
        List<JsonObject> enrolled = participants(api, "AR", null);
        assertThat(enrolled).hasSize(ACCEPTED).allSatisfy(p -> assertThat(p.getString("status")).isEqualTo("ENROLLED"));
        Set<Long> moodleUsers = new HashSet<>();
        for (JsonObject p : enrolled) {
            long moodleUser = p.getJsonNumber("moodleUserId").longValue();
            assertThat(moodleUsers.add(moodleUser)).as("one Moodle account per participant").isTrue();
            assertThat(moodle.userIdByIdNumber("CSEC-P-" + p.getInt("id"))).hasValue(moodleUser);
            assertThat(moodle.account(moodleUser).orElseThrow().email()).isEqualTo(p.getString("email"));
            assertThat(moodle.enrolment(moodleUser, course)).isPresent();
        }
        assertThat(moodle.userCount()).as("no Moodle account made twice").isEqualTo(moodleAccountsBefore + ACCEPTED);
        assertThat(moodle.enrolledUserIds(course)).isEqualTo(new TreeSet<>(moodleUsers));
        assertThat(moodle.groupNames(course)).containsExactly("AR");
        assertThat(moodle.groupMemberIds(course, "AR")).isEqualTo(new TreeSet<>(moodleUsers));
        JsonObject sync = expect(200, api.get(LEADER, "/editions/" + EDITION + "/moodle-sync")).json();
        assertThat(sync.getJsonObject("counts").getJsonObject("MOODLE_ENROL").keySet()).containsExactly("DONE");
        assertThat(sync.getJsonObject("counts").getJsonObject("MOODLE_ENROL").getInt("DONE")).isEqualTo(ACCEPTED);
        assertThat(sync.getJsonArray("failures")).isEmpty();
        assertThat(rows("select id from outbox_item where kind = 'MOODLE_ENROL' and status = 'DONE' and claimed_by is null"))
                .hasSize(ACCEPTED);
        assertThat(rows("select id from outbox_item where status = 'FAILED'")).isEmpty();
        Map<String, Integer> attempts = new TreeMap<>();
        rows("select attempts from outbox_item where kind = 'MOODLE_ENROL'").forEach(a -> attempts.merge(a, 1, Integer::sum));
        System.out.printf("  the same %d-row import took %d ms (201); all %d participants ENROLLED %d ms after the unlock;"
                        + " Moodle calls in all %s; enrolment items by recorded attempts %s%n", BIG_IMPORT,
                importTook.toMillis(), ACCEPTED, Duration.between(outage.ended, allEnrolled).toMillis(),
                new TreeMap<>(moodle.callCounts()), attempts);

        // --- 1, last: during the outage, every request is answered "try again" with a problem document, like the
        // import the outage cut off.
        for (String what : List.of("CSV import", "single nomination", "roster (read)", "session's request", "sign-in")) {
            assertClearError(what + " during the outage", during.get(what));
            assertThat(during.get(what).reply().status()).as(what + " during the outage").isEqualTo(503);
            assertThat(during.get(what).reply().header("Retry-After")).as(what + " during the outage").isNotBlank();
        }
    }

    // --- the outage ------------------------------------------------------------------------------------------------

    /** The service's database user locked and its connections killed, as root, on the shared server. */
    private static final class Outage {
        Instant began;
        Instant ended;
        int killed;

        void begin(Connection root) throws SQLException {
            try (Statement sql = root.createStatement()) {
                sql.execute("ALTER USER '" + databaseUser + "'@'127.0.0.1' ACCOUNT LOCK");
                began = Instant.now();
                List<Long> threads = new ArrayList<>();
                try (PreparedStatement query = root.prepareStatement(
                        "select id from information_schema.processlist where user = ?")) {
                    query.setString(1, databaseUser);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            threads.add(rs.getLong(1));
                        }
                    }
                }
                for (long thread : threads) {
                    try {
                        sql.execute("KILL CONNECTION " + thread);
                        killed++;
                    } catch (SQLException alreadyGone) {
                        // Closed between the listing and the kill.
                    }
                }
            }
        }

        void end(Connection root) throws SQLException {
            if (began != null && ended == null) {
                try (Statement sql = root.createStatement()) {
                    sql.execute("ALTER USER '" + databaseUser + "'@'127.0.0.1' ACCOUNT UNLOCK");
                }
                ended = Instant.now();
            }
        }
    }

    /** How many UY participants MariaDB holds, committed or not (read uncommitted): the import's rows show at once. */
    private static int uncommitted(Connection dirty) {
        try (PreparedStatement query = dirty.prepareStatement("select count(*) from participant where state_code = 'UY'");
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record OutboxCounts(int inFlight, int queued) {
    }

    /** The edition's Moodle enrolments waiting: leased by the instance (being sent), or not yet taken. */
    private static OutboxCounts outboxCounts(Connection root) throws SQLException {
        try (PreparedStatement query = root.prepareStatement("select sum(claimed_by is not null), sum(claimed_by is null)"
                + " from outbox_item where edition_code = ? and kind = 'MOODLE_ENROL' and status = 'PENDING'")) {
            query.setString(1, EDITION);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new OutboxCounts(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    // --- answers -----------------------------------------------------------------------------------------------------

    /** An answer and how long it took, or the failure to get one (a timeout, a reset connection). */
    private record Timed(Api.Reply reply, RuntimeException failure, Duration took, Instant answeredAt) {

        static Timed of(Supplier<Api.Reply> request) {
            return of(Instant.now(), request);
        }

        static Timed of(Instant sent, Supplier<Api.Reply> request) {
            try {
                Api.Reply reply = request.get();
                Instant now = Instant.now();
                return new Timed(reply, null, Duration.between(sent, now), now);
            } catch (RuntimeException e) {
                Instant now = Instant.now();
                return new Timed(null, e, Duration.between(sent, now), now);
            }
        }

        String describe() {
            if (reply == null) {
                return "no answer after " + took.toMillis() + " ms: " + failure;
            }
            String body = reply.body().length() > 240 ? reply.body().substring(0, 240) + "…" : reply.body();
            String challenge = reply.header("WWW-Authenticate") == null ? "" : " (WWW-Authenticate: "
                    + reply.header("WWW-Authenticate") + ")";
            return reply.status() + challenge + " " + reply.contentType() + " in " + took.toMillis() + " ms: " + body.replace('\n', ' ');
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** A server error answered in time as a problem document that shows nothing of the service's insides. */
    private static void assertClearError(String what, Timed answer) {
        assertThat(answer.reply()).as(what + ": " + answer).isNotNull();
        assertThat(answer.took()).as(what + " answered within the request timeout").isLessThan(Duration.ofSeconds(30));
        Api.Reply reply = answer.reply();
        assertThat(reply.status()).as(what + ": " + answer).isBetween(500, 599);
        assertThat(reply.contentType()).as(what + ": " + answer).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).as(what).isEqualTo(reply.status());
        assertThat(problem.getString("detail", "")).as(what).isNotBlank();
        assertThat(reply.body()).as(what + ": no internals in " + reply.body())
                .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("select ")
                .doesNotContainIgnoringCase("insert ").doesNotContain("\tat ").doesNotContain(" at org.")
                .doesNotContain(databaseUser).doesNotContain(MariaDbDatabase.DATABASE)
                .doesNotContainIgnoringCase("access denied");
    }

    private static Api.Reply futureReply(Future<Api.Reply> reply) {
        try {
            return reply.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The import sent before the outage never answered", e);
        }
    }

    private static Timed awaitReadiness(Api api, int status, Instant deadline) {
        return await("readiness to answer " + status, Duration.between(Instant.now(), deadline), Duration.ofMillis(100))
                .until(() -> Timed.of(() -> api.server("/health/ready")),
                        last -> last.reply() != null && last.reply().status() == status);
    }

    private static JsonObject check(Api.Reply health, String name) {
        return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No check " + name + " in " + health.body()));
    }

    // --- the course ----------------------------------------------------------------------------------------------

    private static String nominations(String state) {
        return "/editions/" + EDITION + "/agreements/" + state + "/nominations";
    }

    private static String auditOfUy() {
        return "/audit?edition=" + EDITION + "&state=UY&limit=1000";
    }

    private static String signIn(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + ServiceConfiguration.ACCOUNT_PASSWORD + "\"}";
    }

    private static byte[] nomineesCsv(String state, String batch, int count) {
        StringBuilder csv = new StringBuilder("first_name,last_name,email\n");
        for (int i = 1; i <= count; i++) {
            csv.append(i % 3 == 0 ? "José" : "Ana").append(',').append("Núñez ").append(i).append(',')
                    .append(batch).append('.').append(state.toLowerCase()).append(i).append("@example.org\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonObject> participants(Api api, String state, String status) {
        return expect(200, api.get(LEADER, "/editions/" + EDITION + "/participants?state=" + state
                + (status == null ? "" : "&status=" + status))).array().getValuesAs(JsonObject.class);
    }

    /** The course leader accepts, four at a time. */
    private static void acceptAll(Api api, List<JsonObject> nominated) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (JsonObject participant : nominated) {
                String path = "/editions/" + EDITION + "/participants/" + participant.getInt("id") + "/accept";
                replies.add(pool.submit(() -> api.post(LEADER, path, "{}")));
            }
            for (Future<Api.Reply> reply : replies) {
                expect(200, reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- what MariaDB and the log hold -------------------------------------------------------------------------

    /** Every row of a query, each as its columns joined, read as root. */
    private static List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection db = MariaDbDatabase.connect(); Statement query = db.createStatement();
             ResultSet rs = query.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    values.add(rs.getString(c));
                }
                rows.add(String.join("|", values));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + sql, e);
        }
        return rows;
    }

    private static int occurrencesInLog(String text) {
        int count = 0;
        try (Stream<Path> logs = Files.list(PayaraProcess.target())) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith(LOGS + ".log"))
                    .filter(p -> !p.getFileName().toString().endsWith(".lck")).toList()) {
                String content = Files.readString(log, StandardCharsets.UTF_8);
                for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private static Instant awaitTrue(BooleanSupplier condition, Duration limit, String what) {
        return awaitTrue(condition, limit, 2, what);
    }

    private static Instant awaitTrue(BooleanSupplier condition, Duration limit, long pollMillis, String what) {
        try {
            await(what, limit, Duration.ofMillis(pollMillis)).until(condition::getAsBoolean);
            return Instant.now();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Waited " + limit.toSeconds() + " s for " + what + "; Moodle calls: "
                    + moodle.callCounts(), e);
        }
    }
}
