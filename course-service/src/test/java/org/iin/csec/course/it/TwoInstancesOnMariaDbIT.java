package org.iin.csec.course.it;

import jakarta.json.JsonObject;
import org.awaitility.core.ConditionTimeoutException;
import org.iin.csec.chassis.testing.PayaraProcess;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.course.it.Api.expect;

/**
 * Two course-service instances (two Payara Micro processes) on one MariaDB database, as deploy/README.md runs them
 * behind nginx, and a Moodle (the emulator, in this JVM, with a per-call latency so a sync takes seconds). Sixty
 * participants of two states are accepted; their Moodle enrolment is one batch, leased by one instance. That
 * instance is killed with SIGKILL in the middle of the sync, right after it asked Moodle to create the accounts and
 * before it could record anything. The other instance takes the work over once the lease runs out and finishes it:
 * every participant ENROLLED, exactly one Moodle account each (the dead instance's accounts are found by idnumber,
 * not created again), one enrolment each, in their state's group, and nothing left waiting or failed. Then the
 * surviving instance takes 150 more nominations, and must not have kept a JDBC statement for each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(MariaDbDatabase.class)
class TwoInstancesOnMariaDbIT {

    private static final String EDITION = "IT-KILL";
    private static final String LEADER = "kill.leader";
    private static final Map<String, String> COORDINATORS = new TreeMap<>(Map.of("AR", "kill.coord.ar",
            "UY", "kill.coord.uy"));
    private static final int PER_STATE = 30;
    private static final int PARTICIPANTS = PER_STATE * COORDINATORS.size();
    private static final long LEASE_SECONDS = 5;
    /** Added to every Moodle call: one enrolment sync of the batch is 8 calls, about 3.2 s. */
    private static final Duration MOODLE_LATENCY = Duration.ofMillis(400);
    private static final String LOGS = "payara-two-instances";

    private static final String COURSES = "core_course_get_courses_by_field";
    private static final String CREATE_USERS = "core_user_create_users";
    private static final String ENROL = "enrol_manual_enrol_users";

    private static MoodleEmulator moodle;
    private static long course;
    private static final String MOODLE_TOKEN = HexFormat.of().formatHex(ServiceConfiguration.randomBytes(16));
    private static String databasePassword;
    private static final List<Path> configurations = new ArrayList<>();
    private static PayaraProcess a;
    private static PayaraProcess b;
    private static Duration startup;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws IOException {
        Path target = PayaraProcess.target();
        PayaraProcess.deleteLogs(LOGS);
        moodle = MoodleEmulator.builder().token(MOODLE_TOKEN).siteName("Moodle (emulated, two instances)", "IT").start();
        course = moodle.createCourse("CSEC-KILL", "Curso semipresencial ESCNNA", "CSEC-KILL-IT");

        // MariaDbDatabase made the database and its user.
        Properties settings = MariaDbDatabase.settings();
        databasePassword = settings.getProperty("course.db.password");
        settings.setProperty("csec.moodle.url", moodle.baseUrl());
        settings.setProperty("csec.moodle.token", MOODLE_TOKEN);
        settings.setProperty("csec.outbox.interval-seconds", "1");
        settings.setProperty("csec.outbox.lease-seconds", String.valueOf(LEASE_SECONDS));
        Path forA = target.resolve("it-two-instances-a.properties");
        Path forB = target.resolve("it-two-instances-b.properties");
        configurations.addAll(List.of(forA, forB));
        ServiceConfiguration.write(forA, settings);
        // The same settings for both, first administrator included: starting together on an empty database, both
        // try to create it and exactly one does (the other sees it was made and starts normally).
        ServiceConfiguration.write(forB, settings);

        Path war = target.resolve("course-service.war");
        Instant started = Instant.now();
        a = PayaraProcess.start("instance A", LOGS + "-a", war, "course", forA);
        b = PayaraProcess.start("instance B", LOGS + "-b", war, "course", forB);
        Instant deadline = started.plusSeconds(240);
        a.awaitDeployed(deadline, "/api/v1/me");
        b.awaitDeployed(deadline, "/api/v1/me");
        startup = Duration.between(started, Instant.now());
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            for (PayaraProcess instance : new PayaraProcess[] {a, b}) {
                if (instance != null) {
                    instance.close();
                }
            }
        } finally {
            if (moodle != null) {
                moodle.close();
            }
            for (Path configuration : configurations) {
                Files.deleteIfExists(configuration);
            }
        }
        LogsKeepSecrets.check(LOGS, List.of(databasePassword == null ? "" : databasePassword, MOODLE_TOKEN,
                ServiceConfiguration.ADMIN_PASSWORD, ServiceConfiguration.ACCOUNT_PASSWORD));
    }

    @Test
    @Order(1)
    void theOtherInstanceFinishesAMoodleSyncWhoseInstanceWasKilledInTheMiddle() throws Exception {
        Api apiA = new Api(a.deployment());
        Api apiB = new Api(b.deployment());
        Instant setUp = Instant.now();

        // Both instances serve the same data: what one writes, the other reads.
        apiA.account(LEADER, "COURSE_LEADER", null);
        apiA.account(COORDINATORS.get("AR"), "STATE_COORDINATOR", "AR");
        apiB.account(COORDINATORS.get("UY"), "STATE_COORDINATOR", "UY");
        apiA.openEdition(LEADER, EDITION, "AR=" + PER_STATE, "UY=" + PER_STATE);
        // openEdition links a course id of its own choosing: link the emulated course explicitly.
        expect(200, apiB.patch(LEADER, "/editions/" + EDITION, "{\"moodleCourseId\":" + course + "}"));

        // While people are accepted, Moodle refuses the token: the enrolments stop, failed, in the outbox.
        moodle.injectFault(Fault.invalidToken());
        expect(201, apiA.postCsv(COORDINATORS.get("AR"), nominations("AR"), nomineesCsv("AR")));
        expect(201, apiB.postCsv(COORDINATORS.get("UY"), nominations("UY"), nomineesCsv("UY")));
        List<JsonObject> nominated = participants(apiB, null);
        assertThat(nominated).hasSize(PARTICIPANTS).allSatisfy(p -> assertThat(p.getString("status")).isEqualTo("NOMINATED"));
        acceptAll(nominated, apiA, apiB);
        JsonObject failed = awaitSync(apiA, counts -> count(counts, "FAILED") == PARTICIPANTS, Duration.ofSeconds(30));
        assertThat(failed.getJsonArray("failures").getValuesAs(JsonObject.class)).hasSize(PARTICIPANTS)
                .allSatisfy(f -> assertThat(f.getString("reason")).containsIgnoringCase("token"));
        assertThat(failed.toString()).doesNotContain(MOODLE_TOKEN);
        assertThat(participants(apiA, "ACCEPTED")).hasSize(PARTICIPANTS);

        // The token is fixed; the course leader retries: one batch of 60, due now, for whichever instance comes first.
        moodle.clearFaults();
        moodle.resetCallCounts();
        moodle.setLatency(MOODLE_LATENCY);
        int accountsBefore = moodle.userCount();
        Instant retried = Instant.now();
        assertThat(expect(200, apiB.post(LEADER, "/editions/" + EDITION + "/moodle-sync/retry", "")).json()
                .getInt("retried")).isEqualTo(PARTICIPANTS);
        Duration setUpTook = Duration.between(setUp, retried);

        Instant firstCall = awaitTrue(() -> moodle.callCount(COURSES) >= 1, Duration.ofSeconds(15), "the sync to start");
        // The lease says who is sending: pid@host/random, the pid being the Payara Micro process's.
        Map<String, Integer> leases = leaseHolders();
        assertThat(leases).as("one instance leased the whole batch").hasSize(1).containsValue(PARTICIPANTS);
        String holder = leases.keySet().iterator().next();
        long holderPid = Long.parseLong(holder.substring(0, holder.indexOf('@')));
        assertThat(holderPid).isIn(a.pid(), b.pid());
        PayaraProcess worker = holderPid == a.pid() ? a : b;
        PayaraProcess survivor = worker == a ? b : a;
        Api survivorApi = worker == a ? apiB : apiA;
        Instant leaseEnds = leaseEnd(holder);

        // SIGKILL as soon as Moodle received the account creation (the 4th of the sync's 8 calls), during its latency.
        awaitTrue(() -> moodle.callCount(CREATE_USERS) >= 1, Duration.ofSeconds(15), "the account creation call");
        worker.kill();
        Instant killed = Instant.now();
        assertThat(moodle.callCount(ENROL)).as("killed before any enrolment was asked").isZero();
        // The dead instance recorded nothing: its items are still leased to it, everyone is still only ACCEPTED.
        assertThat(outboxRows()).hasSize(PARTICIPANTS).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("PENDING");
            assertThat(row.claimedBy()).isEqualTo(holder);
        });
        assertThat(participants(survivorApi, "ACCEPTED")).hasSize(PARTICIPANTS)
                .allSatisfy(p -> assertThat(moodleUserId(p)).isNull());
        // ...but Moodle went on and made the 60 accounts the dead instance asked for and never heard back about.
        awaitTrue(() -> moodle.userCount() == accountsBefore + PARTICIPANTS, Duration.ofSeconds(10),
                "Moodle to finish the dead instance's account creation");
        assertThat(moodle.callCount(ENROL)).isZero();

        // The survivor leases the batch when the dead one's lease runs out (not before), and finishes it.
        AtomicReference<Map<String, Integer>> taken = new AtomicReference<>();
        Instant takenOver = awaitTrue(() -> {
            taken.set(leaseHolders());
            return !taken.get().isEmpty() && !taken.get().containsKey(holder);
        }, Duration.ofSeconds(30), 20, "another instance to lease the batch");
        assertThat(taken.get()).hasSize(1).containsValue(PARTICIPANTS);
        String newHolder = taken.get().keySet().iterator().next();
        assertThat(newHolder).startsWith(survivor.pid() + "@");
        assertThat(takenOver).as("not taken over before the lease ran out").isAfterOrEqualTo(leaseEnds);
        assertThat(Duration.between(retried, takenOver)).isGreaterThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS));
        Instant resumed = awaitTrue(() -> moodle.callCount(COURSES) >= 2, Duration.ofSeconds(30),
                "the survivor to start its sync");
        Instant finished = awaitTrue(() -> participants(survivorApi, "ENROLLED").size() == PARTICIPANTS,
                Duration.ofSeconds(60), 100, "every participant to be ENROLLED by the survivor");
        assertThat(worker.isAlive()).isFalse();
        assertThat(survivor.isAlive()).isTrue();

        // Every participant ENROLLED with their own Moodle account, in their state.
        List<JsonObject> enrolled = participants(survivorApi, null);
        assertThat(enrolled).hasSize(PARTICIPANTS)
                .allSatisfy(p -> assertThat(p.getString("status")).isEqualTo("ENROLLED"))
                .allSatisfy(p -> assertThat(moodleUserId(p)).isNotNull());
        Map<Long, JsonObject> byMoodleUser = new HashMap<>();
        for (JsonObject p : enrolled) {
            long moodleUser = moodleUserId(p);
            assertThat(byMoodleUser.put(moodleUser, p)).as("one Moodle account per participant").isNull();
            assertThat(moodle.userIdByIdNumber("CSEC-P-" + p.getInt("id"))).hasValue(moodleUser);
            MoodleEmulator.Account account = moodle.account(moodleUser).orElseThrow();
            assertThat(account.email()).isEqualTo(p.getString("email"));
            assertThat(account.country()).isEqualTo(p.getString("state"));
            MoodleEmulator.EnrolmentState enrolment = moodle.enrolment(moodleUser, course).orElseThrow();
            assertThat(enrolment.roleId()).as("student").isEqualTo(5);
            assertThat(enrolment.suspended()).isFalse();
            assertThat(enrolment.timeStart()).isPositive();
        }
        // In Moodle: no account made twice, exactly these people enrolled, each in their state's group, no group twice.
        assertThat(moodle.userCount()).isEqualTo(accountsBefore + PARTICIPANTS);
        assertThat(moodle.enrolledUserIds(course)).containsExactlyInAnyOrderElementsOf(byMoodleUser.keySet());
        assertThat(moodle.groupNames(course)).containsExactly("AR", "UY");
        for (String state : COORDINATORS.keySet()) {
            Set<Long> ofState = byMoodleUser.entrySet().stream().filter(e -> e.getValue().getString("state").equals(state))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            assertThat(ofState).hasSize(PER_STATE);
            assertThat(moodle.groupMemberIds(course, state)).isEqualTo(ofState);
        }

        // Nothing left waiting or failed, no item added or lost: 60 items, each DONE after two recorded attempts
        // (the refused token, then the survivor's; the killed attempt left only its lease, now released).
        JsonObject sync = expect(200, survivorApi.get(LEADER, "/editions/" + EDITION + "/moodle-sync")).json();
        JsonObject counts = sync.getJsonObject("counts");
        assertThat(counts.keySet()).containsExactly("MOODLE_ENROL");
        assertThat(counts.getJsonObject("MOODLE_ENROL").keySet()).containsExactly("DONE");
        assertThat(count(counts, "DONE")).isEqualTo(PARTICIPANTS);
        assertThat(sync.getJsonArray("failures")).isEmpty();
        assertThat(outboxRows()).hasSize(PARTICIPANTS).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("DONE");
            assertThat(row.claimedBy()).isNull();
            assertThat(row.attempts()).isEqualTo(2);
        });

        // The resend was bounded: the survivor sent the whole batch again, but found the accounts by idnumber and
        // created none; one enrolment call, one group creation, one membership call in all.
        Map<String, Integer> calls = moodle.callCounts();
        assertThat(calls.get(CREATE_USERS)).as("account creation calls").isEqualTo(1);
        assertThat(calls.get(ENROL)).as("enrolment calls").isEqualTo(1);
        assertThat(calls.get("core_group_create_groups")).isEqualTo(1);
        assertThat(calls.get("core_group_add_group_members")).isEqualTo(1);
        assertThat(calls.get(COURSES)).as("sync runs").isEqualTo(2);
        assertThat(moodle.totalCallCount()).as("calls of two runs of one batch").isLessThanOrEqualTo(16);

        System.out.printf("TwoInstancesOnMariaDbIT: %d participants; both instances deployed in %d ms; set-up %d ms;"
                        + " %s leased the batch (pid %d) and Moodle got its first call %d ms after the retry; killed %d ms"
                        + " after that first call; lease ran out %d ms after the kill; %s leased the batch %d ms after"
                        + " that, called Moodle %d ms after the kill and finished %d ms later (%d ms from kill to all"
                        + " ENROLLED); Moodle calls %s%n",
                PARTICIPANTS, startup.toMillis(), setUpTook.toMillis(), worker.name(), holderPid,
                Duration.between(retried, firstCall).toMillis(), Duration.between(firstCall, killed).toMillis(),
                Duration.between(killed, leaseEnds).toMillis(), survivor.name(),
                Duration.between(leaseEnds, takenOver).toMillis(), Duration.between(killed, resumed).toMillis(),
                Duration.between(resumed, finished).toMillis(), Duration.between(killed, finished).toMillis(),
                new TreeMap<>(calls));
    }

    /**
     * A long-running instance keeps nothing per request. The EclipseLink in Payara never closes the INSERT
     * statements whose generated keys it reads, and Connector/J would hold each one until its pooled connection
     * closes, which is never (deploy/README.md, "Database connections"): 300 INSERTs later, the instance must
     * hold no more statements than a handful of requests in flight would.
     */
    @Test
    @Order(2)
    void aRunningInstanceHoldsNoStatementPerRequest() throws Exception {
        PayaraProcess live = a.isAlive() ? a : b;
        Api api = new Api(live.deployment());
        for (int i = 1; i <= 150; i++) {
            // Each nomination inserts a participant and an audit entry, both with generated ids.
            expect(201, api.post(COORDINATORS.get("UY"), nominations("UY"), "{\"firstName\":\"Eva\",\"lastName\":\"Paz "
                    + i + "\",\"email\":\"memory." + i + "@example.org\"}"));
        }
        assertThat(liveInstances(live, "com.mysql.cj.jdbc.ClientPreparedStatement"))
                .as("Connector/J statements alive after a full GC, after 300 INSERTs").isLessThan(40);
    }

    /** Objects of a class alive in an instance after a full GC (jcmd's class histogram forces one). */
    private static long liveInstances(PayaraProcess instance, String className) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process histogram = new ProcessBuilder(jcmd.toString(), String.valueOf(instance.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(histogram.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // The histogram really is the instance's: its pooled MariaDB connections are in it.
        assertThat(output).as("jcmd's class histogram").contains("com.mysql.cj.jdbc.ConnectionImpl");
        // Lines read "   12:    340    54400  com.mysql.cj.jdbc.ClientPreparedStatement".
        return output.lines().map(String::trim).map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(className))
                .mapToLong(columns -> Long.parseLong(columns[1])).sum();
    }

    private static String nominations(String state) {
        return "/editions/" + EDITION + "/agreements/" + state + "/nominations";
    }

    private static byte[] nomineesCsv(String state) {
        StringBuilder csv = new StringBuilder("first_name,last_name,email\n");
        for (int i = 1; i <= PER_STATE; i++) {
            csv.append(i % 3 == 0 ? "José" : "Ana").append(',').append("Núñez ").append(state).append(i).append(',')
                    .append("kill.").append(state.toLowerCase()).append('.').append(i).append("@example.org\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonObject> participants(Api api, String status) {
        return expect(200, api.get(LEADER, "/editions/" + EDITION + "/participants" + (status == null ? "" : "?status=" + status)))
                .array().getValuesAs(JsonObject.class);
    }

    /** The course leader accepts everyone, four at a time, half through each instance. */
    private static void acceptAll(List<JsonObject> nominated, Api apiA, Api apiB) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < nominated.size(); i++) {
                Api api = i % 2 == 0 ? apiA : apiB;
                String path = "/editions/" + EDITION + "/participants/" + nominated.get(i).getInt("id") + "/accept";
                replies.add(pool.submit(() -> api.post(LEADER, path, "{}")));
            }
            for (Future<Api.Reply> reply : replies) {
                expect(200, reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(JsonObject counts, String status) {
        JsonObject enrol = counts.getJsonObject("MOODLE_ENROL");
        return enrol == null ? 0 : enrol.getInt(status, 0);
    }

    private static JsonObject awaitSync(Api api, java.util.function.Predicate<JsonObject> condition, Duration limit) {
        return await("the sync to reach the expected state", limit, Duration.ofMillis(200))
                .until(() -> expect(200, api.get(LEADER, "/editions/" + EDITION + "/moodle-sync")).json(),
                        sync -> condition.test(sync.getJsonObject("counts")));
    }

    /** Polls every 5 ms (the kill must land within one Moodle call's latency) until true; returns when it was. */
    private static Instant awaitTrue(BooleanSupplier condition, Duration limit, String what) {
        return awaitTrue(condition, limit, 5, what);
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

    /** Who holds leases on the edition's waiting enrolments, and on how many. */
    private static Map<String, Integer> leaseHolders() {
        Map<String, Integer> holders = new HashMap<>();
        for (OutboxRow row : outboxRows()) {
            if (row.status().equals("PENDING") && row.claimedBy() != null) {
                holders.merge(row.claimedBy(), 1, Integer::sum);
            }
        }
        return holders;
    }

    private static Instant leaseEnd(String holder) throws SQLException {
        try (Connection db = MariaDbDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "select max(claimed_until) from outbox_item where claimed_by = ?")) {
            query.setString(1, holder);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private record OutboxRow(long id, String status, String claimedBy, int attempts) {
    }

    /** The edition's Moodle enrolment items, as MariaDB holds them. */
    private static List<OutboxRow> outboxRows() {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection db = MariaDbDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "select id, status, claimed_by, attempts from outbox_item where edition_code = ? and kind = 'MOODLE_ENROL'"
                        + " order by id")) {
            query.setString(1, EDITION);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox", e);
        }
        return rows;
    }

    private static Long moodleUserId(JsonObject participant) {
        return participant.containsKey("moodleUserId") && !participant.isNull("moodleUserId")
                ? participant.getJsonNumber("moodleUserId").longValue() : null;
    }
}
