package org.iin.csec.course.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.iin.csec.moodle.emulator.CompletionRule;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.course.it.Api.expect;

/**
 * Moodle fails under the running course-service, every way it does in the field, while accepted participants are being
 * enrolled: answers slow but in time, no answer in time (Moodle hangs; or Moodle makes the accounts and the answer is
 * lost), HTTP 503, an HTML error page, JSON cut in half (after Moodle made the accounts, or the state's group),
 * the connection closed mid-answer, the connection refused, and the token refused. A Moodle emulator in this JVM, its
 * faults switched on and off while the service's outbox runs every second; each fault meets a fresh wave of accepted
 * participants. What a course leader would notice, through the API only:
 * <ul>
 *     <li>each wave waits with a reason a person can read (no stack trace, no markup, never the token) in the sync
 *     state; a refused token stops the work (FAILED, not retried blindly) until someone retries it by hand;</li>
 *     <li>readiness says Moodle is DOWN and why, within a few seconds even while Moodle hangs, and the service keeps
 *     answering other requests at once;</li>
 *     <li>online-stage results read back while Moodle answers HTML or cut-off JSON are left as they were;</li>
 *     <li>once Moodle is back (no restart) every participant ends ENROLLED: one Moodle account and one enrolment
 *     each, one group per state, nothing FAILED or waiting, nothing lost.</li>
 * </ul>
 */
@ExtendWith(MoodleFaultsIT.OwnMoodle.class)
@ExtendWith(ArquillianExtension.class)
class MoodleFaultsIT {

    private static final String EDITION = "IT-FAULTS";
    private static final String LEADER = "faults.leader";
    private static final String COORD_AR = "faults.coord.ar";
    private static final String COORD_UY = "faults.coord.uy";
    private static final int AR = 16;
    private static final int UY = 6;
    /** The service's Moodle timeout (csec.moodle.timeout-seconds): how long it waits for the next bytes of an answer. */
    private static final int TIMEOUT_SECONDS = 5;
    private static final String TOKEN = "it-moodle-" + HexFormat.of().formatHex(ServiceConfiguration.randomBytes(16));

    private static final String COURSES = "core_course_get_courses_by_field";
    private static final String CREATE_USERS = "core_user_create_users";
    private static final String CREATE_GROUPS = "core_group_create_groups";
    private static final String COMPLETION = "core_completion_get_course_completion_status";

    static MoodleEmulator moodle;
    static long course;
    static long page;

    /** The service talks to a Moodle emulator in this JVM, whose faults the test switches, instead of the demo's. */
    static class OwnMoodle extends ServiceConfiguration {

        @Override
        protected void adjust(Properties properties) {
            moodle = MoodleEmulator.builder().token(TOKEN).siteName("Moodle (emulated, faults)", "FAULTS").start();
            course = moodle.createCourse("CSEC-FAULTS", "Curso semipresencial ESCNNA", "CSEC-FAULTS-IT");
            page = moodle.addActivity(course, 1, "page", "Módulo 1", CompletionRule.MANUAL);
            moodle.addActivity(course, 1, "assign", "Trabajo final", CompletionRule.MANUAL);
            moodle.requireActivityCompletion(course);
            properties.setProperty("csec.demo.seed", "false");
            properties.setProperty("csec.moodle.url", moodle.baseUrl());
            properties.setProperty("csec.moodle.token", TOKEN);
            properties.setProperty("csec.moodle.timeout-seconds", String.valueOf(TIMEOUT_SECONDS));
            // Readiness asks Moodle again after a second, so that each fault shows at once.
            properties.setProperty("csec.moodle.health-seconds", "1");
        }

        @Override
        protected List<String> moreSecrets() {
            return List.of(TOKEN);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            try {
                if (moodle != null) {
                    moodle.close();
                }
            } finally {
                super.afterAll(context);
            }
        }
    }

    @ArquillianResource
    URL deployment;

    private Api api;
    private final Map<String, String> figures = new LinkedHashMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.courseService();
    }

    @Test
    void moodleFailsEveryWayWhileParticipantsAreEnrolledAndNothingIsLostOrDoubled() throws Exception {
        Instant began = Instant.now();
        api = new Api(deployment);
        api.account(LEADER, "COURSE_LEADER", null);
        api.account(COORD_AR, "STATE_COORDINATOR", "AR");
        api.account(COORD_UY, "STATE_COORDINATOR", "UY");
        api.openEdition(LEADER, EDITION, "AR=" + AR, "UY=" + UY);
        expect(200, api.patch(LEADER, "/editions/" + EDITION, "{\"moodleCourseId\":" + course + "}"));
        expect(201, api.postCsv(COORD_AR, nominations("AR"), nomineesCsv("ar", AR)));
        expect(201, api.postCsv(COORD_UY, nominations("UY"), nomineesCsv("uy", UY)));
        expect(200, api.patch(LEADER, "/editions/" + EDITION, "{\"status\":\"ONLINE_STAGE\"}"));
        List<Long> ar = ids("AR");
        List<Long> uy = ids("UY");
        assertThat(ar).hasSize(AR);
        assertThat(uy).hasSize(UY);
        int accountsBefore = moodle.userCount();
        assertThat(moodleCheck(readiness()).getString("status")).isEqualTo("UP");

        // --- Moodle answers: the first wave is enrolled; in Moodle one starts the course, the other completes it.
        List<Long> answered = accept(ar.subList(0, 2));
        awaitEnrolled(answered, Duration.ofSeconds(20));
        long starting = answered.get(0);
        long finishing = answered.get(1);
        moodle.completeActivity(moodleUser(starting), page);
        moodle.completeCourse(moodleUser(finishing), course);
        expect(200, api.post(LEADER, sync(), ""));
        assertThat(participant(starting).getString("onlineStage")).isEqualTo("IN_PROGRESS");
        JsonObject finished = participant(finishing);
        assertThat(finished.getString("onlineStage")).isEqualTo("COMPLETED");
        String finishedAt = finished.getString("onlineCompletedAt");

        // --- Slow, but within the timeout: enrolled at the first attempt, and the service answers meanwhile.
        moodle.injectFault(CREATE_USERS, Fault.slow(Duration.ofSeconds(2)));
        int creations = moodle.callCount(CREATE_USERS);
        Instant acceptedSlow = Instant.now();
        List<Long> slow = accept(ar.subList(2, 4));
        await("the slow creation to start", Duration.ofSeconds(15), Duration.ofMillis(100))
                .until(() -> moodle.callCount(CREATE_USERS) > creations);
        Timed rosterWhileSlow = timed(() -> api.get(COORD_AR, "/editions/" + EDITION + "/participants?state=AR"));
        awaitEnrolled(slow, Duration.ofSeconds(20));
        Duration slowEnrolment = Duration.between(acceptedSlow, Instant.now());
        assertThat(rosterWhileSlow.took()).as("roster while Moodle is slow").isLessThan(Duration.ofSeconds(2));
        // Under the first retry's 10 s: nothing failed on the way.
        assertThat(slowEnrolment).as("enrolled at the first attempt").isLessThan(Duration.ofSeconds(10));
        figures.put("slow (2 s per creation) wave enrolled in", slowEnrolment.toMillis() + " ms");
        figures.put("roster while Moodle is slow", rosterWhileSlow.took().toMillis() + " ms");
        moodle.clearFaults();

        // --- The token is refused: stopped with the reason, not retried blindly; retried by hand once it is accepted.
        moodle.injectFault(Fault.invalidToken());
        List<Long> refusedToken = accept(ar.subList(4, 6));
        Map<Long, JsonObject> stopped = awaitFailed(refusedToken, "invalidtoken", 1);
        stopped.values().forEach(failure -> {
            assertThat(failure.getString("state")).isEqualTo("AR");
            assertThat(failure.getString("participant")).isNotBlank();
            assertThat(failure.getString("kind")).isEqualTo("MOODLE_ENROL");
        });
        awaitMoodleDown("token");
        int callsWhileStopped = moodle.callCount(COURSES);
        // Several passes of the outbox (one a second) later, the stopped work has still not been sent again.
        Thread.sleep(3_000);
        assertThat(awaitFailed(refusedToken, "invalidtoken", 1)).hasSize(2);
        assertThat(moodle.callCount(COURSES)).as("calls with the refused token after it was refused")
                .isEqualTo(callsWhileStopped);
        // Retrying by hand while Moodle still refuses the token: one more attempt, stopped again.
        assertThat(expect(200, api.post(LEADER, sync() + "/retry", "")).json().getInt("retried")).isEqualTo(2);
        awaitFailed(refusedToken, "invalidtoken", 2);
        moodle.clearFaults();
        assertThat(expect(200, api.post(LEADER, sync() + "/retry", "")).json().getInt("retried")).isEqualTo(2);
        awaitEnrolled(refusedToken, Duration.ofSeconds(20));
        awaitMoodleUp();

        // --- Moodle hangs: the sync gives up after its timeout; readiness and the API answer quickly meanwhile.
        moodle.injectFault(Fault.slow(Duration.ofSeconds(20)));
        int courseChecks = moodle.callCount(COURSES);
        List<Long> hung = accept(ar.subList(6, 8));
        await("the sync to wait on Moodle", Duration.ofSeconds(15), Duration.ofMillis(100))
                .until(() -> moodle.callCount(COURSES) > courseChecks);
        Timed roster = timed(() -> api.get(COORD_AR, "/editions/" + EDITION + "/participants?state=AR"));
        Timed state = timed(() -> api.get(LEADER, sync()));
        Timed ready = awaitMoodleDown("did not answer");
        assertThat(roster.reply().status()).isEqualTo(200);
        assertThat(roster.took()).as("roster while Moodle hangs").isLessThan(Duration.ofSeconds(2));
        assertThat(state.reply().status()).isEqualTo(200);
        assertThat(state.took()).as("sync state while Moodle hangs").isLessThan(Duration.ofSeconds(2));
        figures.put("while Moodle hangs: roster / sync state / readiness", roster.took().toMillis() + " / "
                + state.took().toMillis() + " / " + ready.took().toMillis() + " ms");
        awaitRetrying(hung, "did not answer in time");
        moodle.clearFaults();

        // --- Too slow after the work was done: Moodle made the accounts, the answer was lost. Retried, not doubled.
        moodle.injectFault(CREATE_USERS, Fault.slow(Duration.ofSeconds(TIMEOUT_SECONDS + 3)));
        List<Long> lostAnswer = accept(ar.subList(8, 10));
        awaitRetrying(lostAnswer, "did not answer in time");
        for (long id : lostAnswer) {
            assertThat(moodle.userIdByIdNumber("CSEC-P-" + id)).as("Moodle made the account of " + id).isPresent();
            assertThat(participant(id).getString("status")).isEqualTo("ACCEPTED");
        }
        awaitMoodleUp();
        moodle.clearFaults();

        // --- HTTP 503 from the web server in front of Moodle.
        moodle.injectFault(Fault.httpStatus(503));
        List<Long> unavailable = accept(ar.subList(10, 12));
        awaitRetrying(unavailable, "HTTP 503");
        awaitMoodleDown("503");
        moodle.clearFaults();

        // --- An HTML error page instead of JSON; completion read meanwhile leaves the online stage as it was.
        moodle.injectFault(Fault.htmlPage());
        List<Long> htmlPage = accept(ar.subList(12, 14));
        awaitRetrying(htmlPage, "not JSON");
        awaitMoodleDown("not JSON");
        moodle.completeCourse(moodleUser(starting), course);
        Instant completedInMoodle = Instant.now();
        expect(200, api.post(LEADER, sync(), ""));
        assertOnlineStageKept(starting, finishing, finishedAt, slow);
        moodle.clearFaults();

        // --- JSON cut in half after Moodle made the accounts.
        moodle.injectFault(CREATE_USERS, Fault.truncatedJson());
        List<Long> cutAccounts = accept(ar.subList(14, 16));
        awaitRetrying(cutAccounts, "not JSON");
        for (long id : cutAccounts) {
            assertThat(moodle.userIdByIdNumber("CSEC-P-" + id)).as("Moodle made the account of " + id).isPresent();
        }
        moodle.clearFaults();

        // --- JSON cut in half after Moodle made Uruguay's group; completion cut in half (its first half says
        // "completed": true) read meanwhile leaves the online stage as it was.
        moodle.injectFault(CREATE_GROUPS, Fault.truncatedJson());
        moodle.injectFault(COMPLETION, Fault.truncatedJson());
        List<Long> cutGroup = accept(uy.subList(0, 2));
        awaitRetrying(cutGroup, "not JSON");
        assertThat(moodle.groupNames(course)).containsExactly("AR", "UY");
        expect(200, api.post(LEADER, sync(), ""));
        assertOnlineStageKept(starting, finishing, finishedAt, slow);
        moodle.clearFaults();

        // --- The connection closed without an answer. Moodle comes back (no restart, nobody presses anything): the
        // wave goes through by itself at its next attempt.
        moodle.injectFault(Fault.connectionClosed());
        List<Long> closed = accept(uy.subList(2, 4));
        awaitRetrying(closed, "could not be reached");
        awaitMoodleDown("could not be reached");
        Instant closedBack = Instant.now();
        moodle.clearFaults();
        awaitEnrolled(closed, Duration.ofSeconds(20));
        figures.put("wave enrolled by itself after Moodle came back in", Duration.between(closedBack, Instant.now())
                .toMillis() + " ms");

        // --- Nothing listens any more: the connection is refused. The course leader's "sync now" sends the waiting
        // work at once, so it fails again (and waits longer)...
        moodle.injectFault(Fault.connectionRefused());
        List<Long> refused = accept(uy.subList(4, 6));
        awaitRetrying(refused, "could not be reached");
        awaitMoodleDown("could not be reached");
        expect(200, api.post(LEADER, sync(), ""));
        Map<Long, JsonObject> waitingLonger = awaitRetrying(refused, "could not be reached", 2);
        waitingLonger.values().forEach(w -> {
            assertThat(w.getInt("attempts")).as("attempts after sync now").isEqualTo(2);
            assertThat(Instant.parse(w.getString("nextAttemptAt"))).isAfter(Instant.now().plusSeconds(10));
        });
        Instant back = Instant.now();
        moodle.clearFaults();
        awaitMoodleUp();
        // ...and once Moodle is back, "sync now" sends it at once rather than after its back-off.
        expect(200, api.post(LEADER, sync(), ""));
        List<Long> everyone = new ArrayList<>(ar);
        everyone.addAll(uy);
        awaitEnrolled(everyone, Duration.ofSeconds(5));
        figures.put("everyone enrolled after Moodle came back (sync now) in", Duration.between(back, Instant.now())
                .toMillis() + " ms");

        // Nothing lost, nothing doubled: one account, one enrolment and one group membership each; nothing left.
        Map<Long, Long> accounts = new LinkedHashMap<>();
        for (long id : everyone) {
            JsonObject p = participant(id);
            assertThat(p.getString("status")).as("participant " + id).isEqualTo("ENROLLED");
            accounts.put(id, p.getJsonNumber("moodleUserId").longValue());
            assertThat(moodle.userIdByIdNumber("CSEC-P-" + id)).hasValue(accounts.get(id));
        }
        assertThat(new HashSet<>(accounts.values())).hasSize(everyone.size());
        assertThat(moodle.userCount()).as("Moodle accounts made").isEqualTo(accountsBefore + everyone.size());
        assertThat(moodle.enrolledUserIds(course)).containsExactlyInAnyOrderElementsOf(accounts.values());
        assertThat(moodle.groupNames(course)).containsExactly("AR", "UY");
        assertThat(moodle.groupMemberIds(course, "AR")).containsExactlyInAnyOrderElementsOf(
                ar.stream().map(accounts::get).toList());
        assertThat(moodle.groupMemberIds(course, "UY")).containsExactlyInAnyOrderElementsOf(
                uy.stream().map(accounts::get).toList());
        JsonObject end = expect(200, api.get(LEADER, sync())).json();
        assertThat(end.getJsonObject("counts").getJsonObject("MOODLE_ENROL"))
                .isEqualTo(jsonObject(Map.of("DONE", everyone.size())));
        assertThat(end.getJsonArray("failures")).isEmpty();
        assertThat(end.getJsonArray("retrying")).isEmpty();

        // The completion Moodle recorded during the faults is read now, with Moodle's time; the other result kept.
        JsonObject completed = participant(starting);
        assertThat(completed.getString("onlineStage")).isEqualTo("COMPLETED");
        assertThat(Duration.between(Instant.parse(completed.getString("onlineCompletedAt")), completedInMoodle).abs())
                .isLessThan(Duration.ofSeconds(2));
        assertThat(participant(finishing).getString("onlineCompletedAt")).isEqualTo(finishedAt);

        figures.put("Moodle calls", new java.util.TreeMap<>(moodle.callCounts()).toString());
        figures.put("whole scenario", Duration.between(began, Instant.now()).toMillis() + " ms");
        figures.forEach((what, figure) -> System.out.printf("MoodleFaultsIT: %s: %s%n", what, figure));
    }

    // ---- what the course leader sees ----------------------------------------------------------------------------

    /** The participants' work waits for another attempt, each with a reason that names what went wrong. */
    private Map<Long, JsonObject> awaitRetrying(List<Long> ids, String phrase) {
        return awaitRetrying(ids, phrase, 1);
    }

    private Map<Long, JsonObject> awaitRetrying(List<Long> ids, String phrase, int attempts) {
        JsonObject state = await("participants " + ids + " to be shown waiting because \"" + phrase + "\"",
                Duration.ofSeconds(TIMEOUT_SECONDS * 3L + 10), Duration.ofMillis(200))
                .until(() -> expect(200, api.get(LEADER, sync())).json(), shown -> {
                    Map<Long, JsonObject> waiting = byParticipant(retrying(shown), ids);
                    return waiting.size() == ids.size() && waiting.values().stream().allMatch(w ->
                            w.getString("reason", "").contains(phrase) && w.getInt("attempts") >= attempts);
                });
        Map<Long, JsonObject> found = byParticipant(retrying(state), ids);
        found.values().forEach(w -> {
            assertClearReason(w.getString("reason"), phrase);
            assertThat(w.getString("kind")).isEqualTo("MOODLE_ENROL");
            assertThat(w.getString("participant")).isNotBlank();
            assertThat(Instant.parse(w.getString("nextAttemptAt"))).isAfter(Instant.now().minusSeconds(2));
        });
        ids.forEach(id -> assertThat(participant(id).getString("status")).isEqualTo("ACCEPTED"));
        figures.putIfAbsent("sync state reason (" + phrase + ")", found.values().iterator().next().getString("reason"));
        return found;
    }

    private static List<JsonObject> retrying(JsonObject state) {
        return state.containsKey("retrying") ? state.getJsonArray("retrying").getValuesAs(JsonObject.class) : List.of();
    }

    /** The participants' work stopped (FAILED) after {@code attempts} attempts, with a reason naming the cause. */
    private Map<Long, JsonObject> awaitFailed(List<Long> ids, String phrase, int attempts) {
        JsonObject state = await("participants " + ids + " to be shown stopped after " + attempts + " attempts",
                Duration.ofSeconds(20), Duration.ofMillis(200))
                .until(() -> expect(200, api.get(LEADER, sync())).json(), shown -> {
                    Map<Long, JsonObject> stopped = byParticipant(failures(shown), ids);
                    return stopped.size() == ids.size()
                            && stopped.values().stream().allMatch(f -> f.getInt("attempts") == attempts);
                });
        Map<Long, JsonObject> found = byParticipant(failures(state), ids);
        found.values().forEach(f -> assertClearReason(f.getString("reason"), phrase));
        figures.putIfAbsent("failure reason (" + phrase + ")", found.values().iterator().next().getString("reason"));
        return found;
    }

    private static List<JsonObject> failures(JsonObject state) {
        return state.getJsonArray("failures").getValuesAs(JsonObject.class);
    }

    private static Map<Long, JsonObject> byParticipant(List<JsonObject> items, List<Long> ids) {
        Map<Long, JsonObject> found = new LinkedHashMap<>();
        for (JsonObject item : items) {
            if (item.get("participantId") != null && item.get("participantId").getValueType() == JsonValue.ValueType.NUMBER
                    && ids.contains(item.getJsonNumber("participantId").longValue())) {
                found.put(item.getJsonNumber("participantId").longValue(), item);
            }
        }
        return found;
    }

    /** Says what went wrong in words: no stack trace, no markup, never the token. */
    private static void assertClearReason(String reason, String phrase) {
        assertThat(reason).isNotBlank().contains(phrase).doesNotContain(TOKEN).doesNotContain("\n")
                .doesNotContainPattern("\\bat [a-z]+(\\.[\\w$]+)+\\(").doesNotContainPattern("<[a-zA-Z!/]");
    }

    /** Online-stage results read while Moodle answers garbage stay as they were. */
    private void assertOnlineStageKept(long starting, long finishing, String finishedAt, List<Long> notStarted) {
        JsonObject inProgress = participant(starting);
        assertThat(inProgress.getString("onlineStage")).isEqualTo("IN_PROGRESS");
        assertThat(!inProgress.containsKey("onlineCompletedAt") || inProgress.isNull("onlineCompletedAt")).isTrue();
        JsonObject done = participant(finishing);
        assertThat(done.getString("onlineStage")).isEqualTo("COMPLETED");
        assertThat(done.getString("onlineCompletedAt")).isEqualTo(finishedAt);
        for (long id : notStarted) {
            JsonObject p = participant(id);
            assertThat(p.getString("onlineStage")).isEqualTo("NOT_STARTED");
            assertThat(p.getString("status")).isEqualTo("ENROLLED");
            assertThat(p.getJsonNumber("moodleUserId")).isNotNull();
        }
    }

    /** Readiness says Moodle is DOWN and why, each answer within 4 s; returns the first such answer. */
    private Timed awaitMoodleDown(String phrase) {
        Timed ready = await("readiness to say Moodle is down because \"" + phrase + "\"", Duration.ofSeconds(15),
                Duration.ofMillis(250))
                .until(() -> {
                    Timed answer = timed(() -> api.server("/health/ready"));
                    // Under the sync's own timeout (5 s): readiness never waits as long as the sync does.
                    assertThat(answer.took()).as("readiness answers quickly").isLessThan(Duration.ofSeconds(4));
                    return answer;
                }, answer -> {
                    JsonObject check = moodleCheck(answer.reply());
                    return check.getString("status").equals("DOWN")
                            && check.getJsonObject("data").getString("reason", "").contains(phrase);
                });
        JsonObject check = moodleCheck(ready.reply());
        assertThat(ready.reply().status()).isEqualTo(503);
        assertClearReason(check.getJsonObject("data").getString("reason"), phrase);
        // The address is for administrators, not for whoever can reach the health endpoint.
        assertThat(check.toString()).doesNotContain(moodle.baseUrl());
        figures.putIfAbsent("readiness reason (" + phrase + ")", check.getJsonObject("data").getString("reason"));
        return ready;
    }

    private void awaitMoodleUp() {
        await("readiness to say Moodle is up", Duration.ofSeconds(15), Duration.ofMillis(100))
                .until(() -> moodleCheck(readiness()).getString("status").equals("UP"));
    }

    private Api.Reply readiness() {
        return api.server("/health/ready");
    }

    private static JsonObject moodleCheck(Api.Reply readiness) {
        return readiness.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("moodle")).findFirst()
                .orElseThrow(() -> new AssertionError("No Moodle check in " + readiness));
    }

    // ---- participants -------------------------------------------------------------------------------------------

    private List<Long> accept(List<Long> ids) {
        ids.forEach(id -> expect(200, api.post(LEADER, "/editions/" + EDITION + "/participants/" + id + "/accept", "{}")));
        return ids;
    }

    private void awaitEnrolled(List<Long> ids, Duration within) {
        Set<Long> waiting = new HashSet<>(ids);
        try {
            await("participants " + ids + " to be ENROLLED", within, Duration.ofMillis(200)).until(() -> {
                waiting.removeIf(id -> participant(id).getString("status").equals("ENROLLED"));
                return waiting.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Not enrolled within " + within + ": " + waiting + "; sync state: "
                    + api.get(LEADER, sync()).body(), e);
        }
    }

    private JsonObject participant(long id) {
        return expect(200, api.get(LEADER, "/editions/" + EDITION + "/participants/" + id)).json();
    }

    private long moodleUser(long id) {
        return participant(id).getJsonNumber("moodleUserId").longValue();
    }

    private List<Long> ids(String state) {
        return expect(200, api.get(LEADER, "/editions/" + EDITION + "/participants?state=" + state)).array()
                .getValuesAs(JsonObject.class).stream().map(p -> p.getJsonNumber("id").longValue()).sorted()
                .collect(Collectors.toList());
    }

    private static String sync() {
        return "/editions/" + EDITION + "/moodle-sync";
    }

    private static String nominations(String state) {
        return "/editions/" + EDITION + "/agreements/" + state + "/nominations";
    }

    private static byte[] nomineesCsv(String state, int count) {
        StringBuilder csv = new StringBuilder("first_name,last_name,email\n");
        for (int i = 1; i <= count; i++) {
            csv.append(i % 2 == 0 ? "José" : "Ana").append(',').append("Núñez ").append(i).append(',')
                    .append("faults.").append(state).append(i).append("@example.org\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject jsonObject(Map<String, Integer> map) {
        var builder = jakarta.json.Json.createObjectBuilder();
        map.forEach(builder::add);
        return builder.build();
    }

    // ---- time ---------------------------------------------------------------------------------------------------

    private record Timed(Api.Reply reply, Duration took) {
    }

    private static Timed timed(Supplier<Api.Reply> request) {
        Instant sent = Instant.now();
        Api.Reply reply = request.get();
        return new Timed(reply, Duration.between(sent, Instant.now()));
    }
}
