package org.iin.csec.course.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.course.it.Api.expect;
import static org.iin.csec.course.it.Api.nominee;

/**
 * course-service deployed on Payara Micro with its default embedded database, driven over HTTP as a
 * coordinator's browser or a script would: editions, agreements, nominations, state isolation, bad input.
 */
@ExtendWith(ServiceConfiguration.class)
@ExtendWith(ArquillianExtension.class)
class CourseServiceIT {

    private static final String LEADER = "it.leader";
    private static final String COORD_AR = "it.coord.ar";
    private static final String COORD_UY = "it.coord.uy";
    private static final String SIGN_AR = "it.sign.ar";
    private static final String EDITION = "IT-1";
    private static final String AR = "/editions/" + EDITION + "/agreements/AR";
    private static final String UY = "/editions/" + EDITION + "/agreements/UY";

    private static boolean prepared;

    @ArquillianResource
    URL deployment;

    private Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.courseService();
    }

    @BeforeEach
    void prepareOnce() {
        api = new Api(deployment);
        if (!prepared) {
            api.account(LEADER, "COURSE_LEADER", null);
            api.account(COORD_AR, "STATE_COORDINATOR", "AR");
            api.account(COORD_UY, "STATE_COORDINATOR", "UY");
            api.account(SIGN_AR, "STATE_SIGNATORY", "AR");
            api.openEdition(LEADER, EDITION, "AR=2", "UY=3");
            prepared = true;
        }
    }

    @Test
    void theDemoEditionIsSeededWithAWaitlistedUruguayan() {
        JsonObject uruguay = expect(200, api.get("coord.uy", "/editions/2027-1/agreements/UY/nominations")).json();

        assertThat(uruguay.getJsonObject("agreement").getInt("quota")).isEqualTo(3);
        assertThat(uruguay.getJsonObject("agreement").getInt("seatsHeld")).isEqualTo(3);
        assertThat(uruguay.getJsonObject("agreement").getInt("waitlisted")).isEqualTo(1);
        assertThat(uruguay.getJsonArray("participants").getJsonObject(3).getString("status")).isEqualTo("WAITLISTED");
    }

    /**
     * The demo's emulated Moodle is an application of its own (moodle-emulator-demo), never this service's: the old
     * demo-only route is gone, for everyone, though the demo edition and its participants exist.
     */
    @Test
    void theServiceHasNoDemoRouteIntoMoodle() {
        long participant = expect(200, api.get(LEADER, "/editions/2027-1/participants?state=AR")).array()
                .getJsonObject(0).getInt("id");
        String route = "/moodle/demo/editions/2027-1/participants/" + participant + "/complete-online-stage";
        assertThat(api.post(LEADER, route, "{}").status()).isEqualTo(404);
        assertThat(api.post(ServiceConfiguration.ADMIN, route, "{}").status()).isEqualTo(404);
        assertThat(api.server("/openapi?format=JSON").body()).doesNotContain("/moodle/demo");
    }

    @Test
    void aCoordinatorNominatesWithinTheQuotaAndTheLeaderDecides() {
        String edition = "IT-DECIDE";
        api.openEdition(LEADER, edition, "AR=2");
        String path = "/editions/" + edition + "/agreements/AR/nominations";
        JsonObject ana = expect(201, api.post(COORD_AR, path, nominee("Ana", "ana.decides@example.org"))).json();
        JsonObject bea = expect(201, api.post(COORD_AR, path, nominee("Bea", "bea.decides@example.org"))).json();
        JsonObject cris = expect(201, api.post(COORD_AR, path, nominee("Cris", "cris.decides@example.org"))).json();

        assertThat(List.of(ana, bea, cris)).extracting(p -> p.getString("status"))
                .containsExactly("NOMINATED", "NOMINATED", "WAITLISTED");
        assertThat(cris.getInt("waitlistPosition")).isEqualTo(1);

        // A coordinator cannot decide; the course leader can.
        expect(403, api.post(COORD_AR, participant(edition, ana) + "/accept", "{}"));
        assertThat(expect(200, api.post(LEADER, participant(edition, ana) + "/accept", "{}")).json().getString("status"))
                .isEqualTo("ACCEPTED");

        // Rejecting a seated nominee hands the seat to the first waitlisted at once.
        expect(200, api.post(LEADER, participant(edition, bea) + "/reject", "{\"reason\":\"Not an official\"}"));
        assertThat(expect(200, api.get(COORD_AR, participant(edition, cris))).json().getString("status"))
                .isEqualTo("NOMINATED");

        // The state's coordinator withdraws; the leader filters by state and status.
        expect(200, api.post(COORD_AR, participant(edition, ana) + "/withdraw", "{\"reason\":\"Changed posts\"}"));
        var withdrawn = expect(200, api.get(LEADER, "/editions/" + edition + "/participants?state=AR&status=WITHDRAWN")).array();
        assertThat(withdrawn).extracting(v -> v.asJsonObject().getString("email")).containsExactly("ana.decides@example.org");
        expect(422, api.post(LEADER, participant(edition, ana) + "/accept", "{}"));

        // Every change is in the audit log, with who and before/after.
        var audit = expect(200, api.get(LEADER, "/audit?edition=" + edition + "&entityType=Participant&entityId="
                + bea.getInt("id"))).array();
        assertThat(audit).extracting(v -> v.asJsonObject().getString("action"))
                .containsExactly("participant.rejected", "participant.nominated");
        JsonObject rejection = audit.getJsonObject(0);
        assertThat(rejection.getString("actor")).isEqualTo(LEADER);
        assertThat(rejection.getString("before")).contains("NOMINATED");
        assertThat(rejection.getString("after")).contains("REJECTED").contains("Not an official");
        expect(403, api.get(COORD_AR, "/audit?edition=" + EDITION));
    }

    @Test
    void aCsvFileIsImportedWhole() {
        String path = "/editions/" + EDITION + "/agreements/UY/nominations";
        String csv = "nombre;apellido;correo;documento;orden\n"
                + "Lucía;Núñez;lucia.csv@example.org;1.234.567-8;1\n"
                + "Joaquín;Ferreira;joaquin.csv@example.org;;2\n";

        JsonObject preview = expect(200, api.postCsv(COORD_UY, path + "?dryRun=true", utf8(csv))).json();
        assertThat(preview.getBoolean("saved")).isFalse();
        assertThat(rosterSize(COORD_UY, UY)).isZero();

        JsonObject imported = expect(201, api.postCsv(COORD_UY, path, utf8(csv))).json();
        assertThat(imported.getBoolean("saved")).isTrue();
        assertThat(imported.getInt("nominated")).isEqualTo(2);
        JsonObject roster = expect(200, api.get(COORD_UY, path)).json();
        assertThat(roster.getJsonArray("participants")).extracting(v -> v.asJsonObject().getString("lastName"))
                .containsExactly("Núñez", "Ferreira");
    }

    @Test
    void aCoordinatorCannotReadOrChangeAnotherStatesData() {
        String arNominations = AR.replace("/agreements/AR", "/agreements/AR/nominations");
        JsonObject arNominee = expect(201, api.post(COORD_AR, arNominations, nominee("Secret", "secret.ar@example.org"))).json();
        String arParticipant = participant(arNominee);
        String before = auditOf(arNominee);
        int arRoster = rosterSize(COORD_AR, AR);

        assertThat(List.of(
                api.get(COORD_UY, AR),
                api.get(COORD_UY, arNominations),
                api.post(COORD_UY, arNominations, nominee("Intruder", "intruder@example.org")),
                api.postCsv(COORD_UY, arNominations, utf8("first_name,last_name,email\nI,N,in@example.org\n")),
                api.postCsv(COORD_UY, arNominations + "?dryRun=true", utf8("first_name,last_name,email\nI,N,in@example.org\n")),
                api.put(COORD_UY, AR, "{\"quota\":50}"),
                api.get(COORD_UY, arParticipant),
                api.post(COORD_UY, arParticipant + "/withdraw", "{}"),
                api.post(COORD_UY, arParticipant + "/accept", "{}"),
                api.post(COORD_UY, arParticipant + "/reject", "{\"reason\":\"x\"}"),
                api.put(COORD_UY, arParticipant + "/rank", "{\"rank\":1}"),
                api.get(COORD_UY, "/editions/" + EDITION + "/participants?state=AR"),
                api.get(SIGN_AR, "/editions/" + EDITION + "/agreements/UY/nominations")))
                .allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isIn(403, 404));

        var everyone = expect(200, api.get(COORD_UY, "/editions/" + EDITION + "/participants")).array();
        assertThat(everyone).extracting(v -> v.asJsonObject().getString("state")).containsOnly("UY");
        var agreements = expect(200, api.get(COORD_UY, "/editions/" + EDITION + "/agreements")).array();
        assertThat(agreements).extracting(v -> v.asJsonObject().getString("state")).containsExactly("UY");

        assertThat(rosterSize(COORD_AR, AR)).isEqualTo(arRoster);
        assertThat(auditOf(arNominee)).isEqualTo(before);
        assertThat(expect(200, api.get(COORD_AR, arParticipant)).json().getString("status")).isIn("NOMINATED", "WAITLISTED");
    }

    @Test
    void badInputGetsAClearProblemAndChangesNothing() {
        String path = "/editions/" + EDITION + "/agreements/UY/nominations";
        expect(201, api.post(COORD_UY, path, "{\"firstName\":\"Dup\",\"lastName\":\"Licate\",\"email\":\"dup@example.org\","
                + "\"identityDocument\":\"DOC-42\"}"));
        int roster = rosterSize(COORD_UY, UY);
        int auditEntries = expect(200, api.get(LEADER, "/audit?edition=" + EDITION + "&limit=1000")).array().size();

        JsonObject missing = problem(400, api.post(COORD_UY, path, "{\"email\":\"not-an-email\"}"));
        assertThat(fields(missing)).containsExactly("firstName", "lastName", "email");
        assertThat(missing.getJsonArray("errors").getJsonObject(2).getString("message")).isEqualTo("E-mail is not a valid address.");

        problem(400, api.post(COORD_UY, path, "{\"firstName\": "));
        problem(400, api.post(COORD_UY, path, "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"a@b.co\",\"rank\":\"first\"}"));
        assertThat(problem(422, api.get(LEADER, "/editions/" + EDITION + "/agreements/XX")).getString("code"))
                .isEqualTo("unknown-state");
        assertThat(problem(422, api.put(LEADER, "/editions/" + EDITION + "/agreements/Narnia", "{\"quota\":3}"))
                .getString("detail")).contains("ISO 3166-1");

        // Duplicate person: same e-mail in another state, or same identity document in the same state.
        JsonObject sameEmail = problem(422, api.post(COORD_AR, AR + "/nominations", nominee("Dup", "DUP@example.org")));
        assertThat(sameEmail.getString("code")).isEqualTo("duplicate-person");
        problem(422, api.post(COORD_UY, path, "{\"firstName\":\"D\",\"lastName\":\"L\",\"email\":\"other@example.org\","
                + "\"identityDocument\":\"doc42\"}"));

        // CSV: malformed, not UTF-8, oversized, one bad row among good ones, a duplicate inside the file.
        problem(422, api.postCsv(COORD_UY, path, utf8("first_name,last_name,email\n\"Unclosed,quote,x@y.org\n")));
        problem(422, api.postCsv(COORD_UY, path, "first_name,last_name,email\nJos\u00e9,X,j@x.org\n".getBytes(StandardCharsets.ISO_8859_1)));
        problem(422, api.postCsv(COORD_UY, path, utf8("name,surname\nA,B\n")));
        problem(413, api.postCsv(COORD_UY, path, new byte[1024 * 1024 + 10]));
        JsonObject oneBad = problem(422, api.postCsv(COORD_UY, path, utf8("first_name,last_name,email\n"
                + "Good,One,good.one@example.org\nBad,Row,not-an-email\nGood,Two,good.two@example.org\n")));
        assertThat(oneBad.getJsonArray("rows")).extracting(r -> r.asJsonObject().getString("outcome"))
                .containsExactly("OK", "REFUSED", "OK");
        assertThat(oneBad.getJsonArray("rows").getJsonObject(1).getInt("line")).isEqualTo(3);
        JsonObject twice = problem(422, api.postCsv(COORD_UY, path, utf8("first_name,last_name,email\n"
                + "Twin,One,twin@example.org\nTwin,Two,TWIN@example.org\n")));
        assertThat(twice.getJsonArray("rows").getJsonObject(1).getJsonArray("problems").getJsonObject(0).getString("field"))
                .isEqualTo("email");

        // An oversized JSON body is refused before it is read; a duplicate header names the column.
        String huge = "{\"firstName\":\"" + "A".repeat(2 * 1024 * 1024) + "\",\"lastName\":\"B\",\"email\":\"huge@example.org\"}";
        assertThat(problem(413, api.post(COORD_UY, path, huge)).getString("code")).isEqualTo("body-too-large");
        assertThat(problem(422, api.postCsv(COORD_UY, path, utf8("first_name,last_name,email,email\nA,B,a@x.org,b@x.org\n")))
                .getString("detail")).contains("'email' appears twice");

        // Injection in filters finds nothing and breaks nothing: values are parameters, never query text.
        for (String attack : List.of("UY' OR '1'='1", "UY\"; DROP TABLE participant; --", "%' OR 1=1 --", "\u0000")) {
            String q = java.net.URLEncoder.encode(attack, StandardCharsets.UTF_8);
            assertThat(api.get(LEADER, "/editions/" + EDITION + "/participants?state=" + q).status()).as(attack).isEqualTo(422);
            assertThat(api.get(LEADER, "/editions/" + EDITION + "/participants?status=" + q).status()).as(attack).isEqualTo(422);
            Api.Reply audit = expect(200, api.get(LEADER, "/audit?edition=" + q + "&entityType=" + q + "&entityId=" + q));
            assertThat(audit.array()).as(attack).isEmpty();
            assertThat(api.get(COORD_UY, "/editions/" + EDITION + "/participants?state=" + q).status()).as(attack).isIn(403, 422);
        }

        // A quota below the seats held is refused.
        problem(422, api.put(LEADER, UY, "{\"quota\":0}"));
        problem(422, api.put(LEADER, UY, "{}"));

        assertThat(rosterSize(COORD_UY, UY)).isEqualTo(roster);
        assertThat(expect(200, api.get(LEADER, "/audit?edition=" + EDITION + "&limit=1000")).array()).hasSize(auditEntries);
    }

    @Test
    void theEditionMovesAlongItsLifecycleOnlyForward() {
        expect(201, api.post(LEADER, "/editions", "{\"code\":\"IT-LIFE\",\"title\":\"Lifecycle\",\"language\":\"en\","
                + "\"onlineStageStart\":\"2027-08-01\",\"onlineStageEnd\":\"2027-09-30\",\"courseHours\":60}"));
        problem(422, api.patch(LEADER, "/editions/IT-LIFE", "{\"status\":\"CLOSED\"}"));
        expect(200, api.patch(LEADER, "/editions/IT-LIFE", "{\"status\":\"NOMINATIONS_OPEN\"}"));
        assertThat(problem(422, api.patch(LEADER, "/editions/IT-LIFE", "{\"status\":\"ONLINE_STAGE\"}")).getString("code"))
                .isEqualTo("moodle-course-missing");
        JsonObject online = expect(200, api.patch(LEADER, "/editions/IT-LIFE",
                "{\"moodleCourseId\":7,\"status\":\"ONLINE_STAGE\"}")).json();
        assertThat(online.getString("status")).isEqualTo("ONLINE_STAGE");
        assertThat(online.getString("nextStatus")).isEqualTo("FACE_TO_FACE_STAGE");

        expect(403, api.post(COORD_AR, "/editions", "{\"code\":\"X\"}"));
        expect(403, api.patch(COORD_AR, "/editions/IT-LIFE", "{\"status\":\"FACE_TO_FACE_STAGE\"}"));
        problem(422, api.post(LEADER, "/editions", "{\"code\":\"IT-LIFE\",\"title\":\"Again\",\"language\":\"en\","
                + "\"onlineStageStart\":\"2027-08-01\",\"onlineStageEnd\":\"2027-09-30\",\"courseHours\":60}"));
        expect(404, api.get(LEADER, "/editions/NOPE"));
    }

    @Test
    void aRaisedQuotaPromotesTheWaitlistAtOnce() {
        String code = "IT-QUOTA";
        api.openEdition(LEADER, code, "AR=1");
        String path = "/editions/" + code + "/agreements/AR/nominations";
        for (String name : List.of("q1", "q2", "q3")) {
            expect(201, api.post(COORD_AR, path, nominee(name, name + "@example.org")));
        }

        JsonObject agreement = expect(200, api.put(LEADER, "/editions/" + code + "/agreements/AR", "{\"quota\":2}")).json();

        assertThat(agreement.getInt("seatsHeld")).isEqualTo(2);
        assertThat(agreement.getInt("waitlisted")).isEqualTo(1);
        JsonObject roster = expect(200, api.get(COORD_AR, path)).json();
        assertThat(roster.getJsonArray("participants")).extracting(v -> v.asJsonObject().getString("email"))
                .containsExactly("q1@example.org", "q2@example.org", "q3@example.org");
        assertThat(roster.getJsonArray("participants").getJsonObject(2).getInt("waitlistPosition")).isEqualTo(1);
    }

    @Test
    void accountsAndSecretsStayPrivate() {
        assertThat(api.get(null, "/editions").status()).isEqualTo(401);
        assertThat(api.get(COORD_AR, "/editions").status()).isEqualTo(200);
        Api.Reply wrongPassword = api.get("nobody.here", "/editions");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");

        JsonObject me = expect(200, api.get(COORD_AR, "/me")).json();
        assertThat(me.getString("state")).isEqualTo("AR");
        assertThat(me.getJsonArray("roles")).extracting(JsonValue::toString).containsExactly("\"STATE_COORDINATOR\"");
        expect(403, api.get(LEADER, "/accounts"));
        String accounts = expect(200, api.get(ServiceConfiguration.ADMIN, "/accounts")).body();
        assertThat(accounts).contains(COORD_AR).doesNotContain("pbkdf2").doesNotContain(ServiceConfiguration.ACCOUNT_PASSWORD);
        problem(422, api.post(ServiceConfiguration.ADMIN, "/accounts", "{\"username\":\"weak\",\"displayName\":\"W\","
                + "\"roles\":[\"COURSE_LEADER\"],\"password\":\"short\"}"));
    }

    /**
     * The pages' sign-in: a session token works as a bearer token until signing out, after which it opens
     * nothing. Neither the token nor the password is in what the session stores or answers.
     */
    @Test
    void aSignInSessionWorksUntilSignOut() {
        Api.Reply opened = expect(201, api.post(null, "/sessions", "{\"username\":\"" + COORD_AR
                + "\",\"password\":\"" + ServiceConfiguration.ACCOUNT_PASSWORD + "\"}"));
        String token = opened.json().getString("token");
        assertThat(opened.json().getJsonObject("account").getString("state")).isEqualTo("AR");
        assertThat(opened.body()).doesNotContain(ServiceConfiguration.ACCOUNT_PASSWORD);

        Api.Reply me = expect(200, api.withSession(token, "GET", "/me"));
        assertThat(me.json().getString("username")).isEqualTo(COORD_AR);
        assertThat(api.withSession(token, "GET", "/editions/" + EDITION + "/agreements/UY/nominations").status())
                .as("a session is bound to its account's state like Basic is").isEqualTo(403);

        expect(204, api.withSession(token, "DELETE", "/sessions/current"));
        Api.Reply after = api.withSession(token, "GET", "/me");
        assertThat(after.status()).isEqualTo(401);
        // A Bearer challenge: a Basic one would make the browser pop up its own password dialog.
        assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.withSession("made-up-token", "GET", "/me").status()).isEqualTo(401);

        Api.Reply wrong = api.post(null, "/sessions", "{\"username\":\"" + COORD_AR + "\",\"password\":\"nope\"}");
        problem(401, wrong);
        JsonObject missing = problem(400, api.post(null, "/sessions", "{\"username\":\"\"}"));
        assertThat(missing.getJsonArray("errors").toString()).contains("\"username\"").contains("\"password\"");
    }

    /**
     * Password guessing is slowed: after five wrong passwords in a row a user name is refused (429) for a while,
     * even with the right password, over the pages' sign-in and over HTTP Basic alike; an unknown name is
     * treated the same, so the answer tells nothing about which accounts exist.
     */
    @Test
    void passwordGuessingIsThrottledForKnownAndUnknownNames() {
        api.account("guessed.user", "STATE_COORDINATOR", "AR");
        for (String name : List.of("guessed.user", "no.such.user")) {
            for (int i = 0; i < 5; i++) {
                assertThat(api.post(null, "/sessions", "{\"username\":\"" + name + "\",\"password\":\"guess-" + i
                        + "\"}").status()).as(name + " guess " + i).isEqualTo(401);
            }
            Api.Reply refused = api.post(null, "/sessions", "{\"username\":\"" + name + "\",\"password\":\""
                    + ServiceConfiguration.ACCOUNT_PASSWORD + "\"}");
            assertThat(refused.status()).as(name + " after five guesses").isEqualTo(429);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(refused.body()).doesNotContain("token");
        }
        assertThat(api.get("guessed.user", "/me").status()).as("HTTP Basic shares the throttle").isEqualTo(429);
        assertThat(api.get(COORD_AR, "/me").status()).as("other names are not slowed").isEqualTo(200);
    }

    /** Who may call an operation of the API, for the authorization matrix. */
    private enum Guard {
        /** Any signed-in person; a state-bound one sees only their state's data in the answer. */
        ANYONE_SIGNED_IN,
        COURSE_LEADER,
        ADMIN,
        ADMIN_OR_LEADER,
        /** The state's own people (and course-wide roles): another state's coordinator gets 403 or 404. */
        STATE_SCOPED,
        /** certificate-service with the services' token, never a person. */
        SERVICE_ONLY,
        /** Signing in: open to anyone, and an empty request is refused for what it lacks. */
        PUBLIC,
        /** Signing out: ends only the caller's own session. */
        OWN_SESSION
    }

    /**
     * Every operation of the deployed OpenAPI document, tried without credentials and as another state's
     * coordinator against Argentina's data: refused, and nothing changes. An operation this table does not
     * know fails the test, so a new endpoint cannot escape the matrix.
     */
    @Test
    void everyOperationInTheApiDocumentIsGuarded() {
        String e = "/editions/{code}";
        String a = e + "/agreements/{state}";
        String p = e + "/participants/{id}";
        java.util.Map<String, Guard> guards = java.util.Map.ofEntries(
                java.util.Map.entry("GET /accounts", Guard.ADMIN), java.util.Map.entry("POST /accounts", Guard.ADMIN),
                java.util.Map.entry("GET /audit", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("GET /editions", Guard.ANYONE_SIGNED_IN), java.util.Map.entry("POST /editions", Guard.COURSE_LEADER),
                java.util.Map.entry("GET " + e, Guard.ANYONE_SIGNED_IN), java.util.Map.entry("PATCH " + e, Guard.COURSE_LEADER),
                java.util.Map.entry("GET " + e + "/agreements", Guard.ANYONE_SIGNED_IN),
                java.util.Map.entry("GET " + a, Guard.STATE_SCOPED), java.util.Map.entry("PUT " + a, Guard.COURSE_LEADER),
                java.util.Map.entry("POST " + a + "/face-to-face/close", Guard.STATE_SCOPED),
                java.util.Map.entry("PUT " + a + "/face-to-face/plan", Guard.STATE_SCOPED),
                java.util.Map.entry("POST " + a + "/face-to-face/results", Guard.STATE_SCOPED),
                java.util.Map.entry("GET " + a + "/nominations", Guard.STATE_SCOPED),
                java.util.Map.entry("POST " + a + "/nominations", Guard.STATE_SCOPED),
                java.util.Map.entry("GET " + e + "/moodle-sync", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("POST " + e + "/moodle-sync", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("POST " + e + "/moodle-sync/retry", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("GET " + e + "/participants", Guard.ANYONE_SIGNED_IN),
                java.util.Map.entry("GET " + p, Guard.STATE_SCOPED),
                java.util.Map.entry("POST " + p + "/accept", Guard.COURSE_LEADER),
                java.util.Map.entry("POST " + p + "/reject", Guard.COURSE_LEADER),
                java.util.Map.entry("POST " + p + "/withdraw", Guard.STATE_SCOPED),
                java.util.Map.entry("PUT " + p + "/face-to-face", Guard.STATE_SCOPED),
                java.util.Map.entry("PUT " + p + "/rank", Guard.STATE_SCOPED),
                java.util.Map.entry("GET " + e + "/report", Guard.ANYONE_SIGNED_IN),
                java.util.Map.entry("POST /internal/participants/{id}/certified", Guard.SERVICE_ONLY),
                java.util.Map.entry("GET /me", Guard.ANYONE_SIGNED_IN),
                java.util.Map.entry("GET /moodle/connection", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("GET /templates/nominations.csv", Guard.ANYONE_SIGNED_IN),
                java.util.Map.entry("POST /sessions", Guard.PUBLIC),
                java.util.Map.entry("DELETE /sessions/current", Guard.OWN_SESSION));

        JsonObject arNominee = expect(201, api.post(COORD_AR, AR + "/nominations", nominee("Matrix", "matrix.ar@example.org"))).json();
        String arRoster = expect(200, api.get(COORD_AR, AR + "/nominations")).body();
        int auditBefore = expect(200, api.get(LEADER, "/audit?edition=" + EDITION + "&limit=1000")).array().size();

        JsonObject document = Json.createReader(new java.io.StringReader(
                api.server("/openapi?format=JSON").body())).readObject();
        List<String> operations = new java.util.ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path.replaceFirst("^/api/v1", ""))));
        assertThat(operations).as("operations in the API document").hasSizeGreaterThan(25);
        assertThat(guards.keySet()).as("every operation has a known guard").containsAll(operations);

        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{code}", EDITION)
                    .replace("{state}", "AR").replace("{id}", String.valueOf(arNominee.getInt("id")));
            Guard guard = guards.get(operation);
            if (guard == Guard.PUBLIC) {
                assertThat(call(null, method, path).status()).as("anonymous " + operation).isEqualTo(400);
                continue;
            }
            assertThat(call(null, method, path).status()).as("anonymous " + operation).isEqualTo(401);
            if (guard == Guard.OWN_SESSION) {
                assertThat(call(COORD_UY, method, path).status()).as(COORD_UY + " " + operation).isEqualTo(204);
                continue;
            }
            Api.Reply asOtherState = call(COORD_UY, method, path);
            if (guard == Guard.ANYONE_SIGNED_IN) {
                assertThat(asOtherState.status()).as(COORD_UY + " " + operation).isEqualTo(200);
                assertThat(asOtherState.body()).as(COORD_UY + " " + operation).doesNotContain("matrix.ar@example.org");
            } else {
                assertThat(asOtherState.status()).as(COORD_UY + " " + operation + ": " + asOtherState).isIn(403, 404);
            }
            if (guard == Guard.COURSE_LEADER || guard == Guard.ADMIN || guard == Guard.ADMIN_OR_LEADER
                    || guard == Guard.SERVICE_ONLY) {
                assertThat(call(COORD_AR, method, path).status()).as(COORD_AR + " " + operation).isEqualTo(403);
            }
        }
        // The CSV form of nominating, which shares its operation with the JSON one in the document.
        assertThat(api.post(COORD_UY, AR + "/nominations", nominee("Intruder", "intruder.json@example.org")).status())
                .isIn(403, 404);

        assertThat(expect(200, api.get(COORD_AR, AR + "/nominations")).body()).isEqualTo(arRoster);
        assertThat(expect(200, api.get(LEADER, "/audit?edition=" + EDITION + "&limit=1000")).array()).hasSize(auditBefore);
    }

    private Api.Reply call(String user, String method, String path) {
        boolean csv = path.endsWith("/nominations") || path.endsWith("/face-to-face/results");
        byte[] body = csv ? "first_name,last_name,email\nI,N,intruder.csv@example.org\n".getBytes(StandardCharsets.UTF_8)
                : "{}".getBytes(StandardCharsets.UTF_8);
        return switch (method) {
            case "GET" -> api.get(user, path);
            case "POST" -> csv ? api.postCsv(user, path, body) : api.post(user, path, "{}");
            case "PUT" -> api.put(user, path, "{}");
            case "PATCH" -> api.patch(user, path, "{}");
            case "DELETE" -> api.delete(user, path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** Every answer names its request; a well-formed id from the proxy is kept, anything else replaced. */
    @Test
    void everyCallHasARequestIdInItsAnswerAndInTheLog() throws Exception {
        Api.Reply fresh = api.get(COORD_AR, "/me");
        assertThat(fresh.header("X-Request-Id")).matches("[0-9a-f]{16}");
        Api.Reply given = api.getWithRequestId(COORD_AR, "/me", "nginx-4f2a9c");
        assertThat(given.header("X-Request-Id")).isEqualTo("nginx-4f2a9c");
        Api.Reply forged = api.getWithRequestId(COORD_AR, "/me", "x status=200 user=admin");
        assertThat(forged.header("X-Request-Id")).matches("[0-9a-f]{16}");

        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("project.build.directory", "target"),
                "payara-embedded.log.0");
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "request id=nginx-4f2a9c method=GET path=\\S*/api/v1/me status=200 ms=\\d+ user=" + COORD_AR);
        await("the request's line to reach the log", Duration.ofSeconds(10), Duration.ofMillis(100))
                .until(() -> line.matcher(java.nio.file.Files.readString(log)).find());
        assertThat(java.nio.file.Files.readString(log)).containsPattern(line).doesNotContain("x status=200 user=admin");
    }

    @Test
    void healthMetricsAndTheApiDocumentAreServed() {
        Api.Reply ready = api.server("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("course-database").contains("\"UP\"");

        Api.Reply openApi = api.server("/openapi");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/editions/{code}/agreements/{state}/nominations")
                .contains("/api/v1/editions/{code}/participants/{id}/withdraw");

        expect(201, api.post(COORD_AR, AR + "/nominations", nominee("Metric", "metric@example.org")));
        Api.Reply template = expect(200, api.get(COORD_AR, "/templates/nominations.csv"));
        assertThat(template.contentType()).startsWith("text/csv");
        assertThat(template.body()).contains("first_name,last_name,email");
        String metrics = api.server("/metrics").body();
        assertThat(metrics).contains("NominationResource_nominations_seconds");
        assertThat(metrics).containsPattern("csec_outbox_pending\\S* \\d").containsPattern("csec_outbox_failed\\S* \\d")
                .containsPattern("csec_course_api_requests_seconds\\S*quantile=\"0.99\"\\S* \\d");
    }

    private static String participant(JsonObject participant) {
        return participant(EDITION, participant);
    }

    private static String participant(String edition, JsonObject participant) {
        return "/editions/" + edition + "/participants/" + participant.getInt("id");
    }

    private int rosterSize(String user, String agreement) {
        return expect(200, api.get(user, agreement + "/nominations")).json().getJsonArray("participants").size();
    }

    private String auditOf(JsonObject participant) {
        return expect(200, api.get(LEADER, "/audit?entityType=Participant&entityId=" + participant.getInt("id"))).body();
    }

    private static JsonObject problem(int status, Api.Reply reply) {
        expect(status, reply);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        return problem;
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream().map(v -> v.asJsonObject().getString("field")).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
