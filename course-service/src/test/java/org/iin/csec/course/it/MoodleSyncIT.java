package org.iin.csec.course.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;

import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.course.it.Api.expect;
import static org.iin.csec.course.it.Api.nominee;

/**
 * The path of participants through Moodle, against the demo's Moodle, emulated in this JVM
 * (ServiceConfiguration): accepted → enrolled in Moodle in their state's group → withdrawn → unenrolled; online stage
 * completed in Moodle → read back → eligible with a passed face-to-face stage → handed to certificates.
 */
@ExtendWith(ServiceConfiguration.class)
@ExtendWith(ArquillianExtension.class)
class MoodleSyncIT {

    private static final String LEADER = "sync.leader";
    private static final String COORD = "sync.coord.ar";
    private static final String EDITION = "IT-MOODLE";

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.courseService();
    }

    @Test
    void aParticipantFromAcceptanceToHandOffThroughMoodle() throws Exception {
        Api api = new Api(deployment);
        api.account(LEADER, "COURSE_LEADER", null);
        api.account(COORD, "STATE_COORDINATOR", "AR");
        JsonObject demo = expect(200, api.get(LEADER, "/editions/2027-1")).json();
        JsonObject created = expect(201, api.post(LEADER, "/editions", "{\"code\":\"" + EDITION + "\",\"title\":\"Sync\","
                + "\"language\":\"es\",\"moodleCourseId\":" + demo.getInt("moodleCourseId")
                + ",\"moodleFaceToFaceActivityId\":" + demo.getInt("moodleFaceToFaceActivityId")
                + ",\"onlineStageStart\":\"2027-03-01\",\"onlineStageEnd\":\"2027-05-31\",\"courseHours\":120}")).json();
        assertThat(created.getInt("moodleFaceToFaceActivityId")).isEqualTo(demo.getInt("moodleFaceToFaceActivityId"));
        expect(200, api.put(LEADER, "/editions/" + EDITION + "/agreements/AR", "{\"quota\":3,\"signatory\":"
                + "{\"name\":\"María Fernández\",\"title\":\"Directora\",\"institution\":\"SENAF\"}}"));
        expect(200, api.patch(LEADER, "/editions/" + EDITION, "{\"status\":\"NOMINATIONS_OPEN\"}"));
        String nominations = "/editions/" + EDITION + "/agreements/AR/nominations";
        long stays = expect(201, api.post(COORD, nominations, nominee("Stays", "stays@example.org"))).json().getInt("id");
        long leaves = expect(201, api.post(COORD, nominations, nominee("Leaves", "leaves@example.org"))).json().getInt("id");
        expect(200, api.post(LEADER, participant(stays) + "/accept", "{}"));
        expect(200, api.post(LEADER, participant(leaves) + "/accept", "{}"));
        expect(200, api.patch(LEADER, "/editions/" + EDITION, "{\"status\":\"ONLINE_STAGE\"}"));

        // The outbox is sent every second: both become ENROLLED with their Moodle account.
        JsonObject enrolled = waitFor(api, stays, p -> p.getString("status").equals("ENROLLED"));
        assertThat(enrolled.getInt("moodleUserId")).isPositive();
        waitFor(api, leaves, p -> p.getString("status").equals("ENROLLED"));
        JsonObject sync = expect(200, api.get(LEADER, "/editions/" + EDITION + "/moodle-sync")).json();
        assertThat(sync.getJsonObject("counts").getJsonObject("MOODLE_ENROL").getInt("DONE")).isEqualTo(2);
        assertThat(sync.getJsonArray("failures")).isEmpty();

        // A second run changes nothing: same Moodle account, nothing new to send.
        expect(200, api.post(LEADER, "/editions/" + EDITION + "/moodle-sync", ""));
        assertThat(expect(200, api.get(LEADER, participant(stays))).json().getInt("moodleUserId"))
                .isEqualTo(enrolled.getInt("moodleUserId"));

        // Withdrawing someone enrolled sends an unenrolment.
        expect(200, api.post(COORD, participant(leaves) + "/withdraw", "{\"reason\":\"Changed jobs\"}"));
        waitForSync(api, "MOODLE_UNENROL", 1);

        // The learner completes the course in Moodle; a refresh reads it back.
        ServiceConfiguration.demoMoodle.completeCourse(enrolled.getInt("moodleUserId"), demo.getInt("moodleCourseId"));
        expect(200, api.post(LEADER, "/editions/" + EDITION + "/moodle-sync", ""));
        JsonObject completed = expect(200, api.get(COORD, participant(stays))).json();
        assertThat(completed.getString("onlineStage")).isEqualTo("COMPLETED");
        assertThat(completed.getString("onlineCompletedAt")).isNotBlank();
        assertThat(completed.getBoolean("eligibleForCertificate")).isFalse();
        // ...and the state's coordinator is told by e-mail.
        MimeMessage toCoordinator = waitForMail(COORD + "@example.org");
        assertThat(toCoordinator.getSubject()).contains(EDITION);
        assertThat(toCoordinator.getContent().toString()).contains("Stays Tester");

        // The state records a pass: eligible at once, handed to certificates once, and Moodle told.
        JsonObject passed = expect(200, api.put(COORD, participant(stays) + "/face-to-face",
                "{\"result\":\"PASSED\",\"score\":91.5,\"note\":\"Presentó el caso\"}")).json();
        assertThat(passed.getBoolean("eligibleForCertificate")).isTrue();
        waitForSync(api, "MOODLE_FACE_TO_FACE", 1);
        waitForSync(api, "CERTIFICATE_HANDOFF", 1);
        List<FakeCertificateService.Call> handoffs = ServiceConfiguration.certificates.calls().stream()
                .filter(c -> c.path().endsWith("/issuance")).toList();
        assertThat(handoffs).hasSize(1);
        assertThat(handoffs.get(0).authorization()).isEqualTo("Bearer " + ServiceConfiguration.SERVICE_TOKEN);
        JsonObject snapshot = Json.createReader(new StringReader(handoffs.get(0).body())).readObject();
        assertThat(snapshot.getInt("participantId")).isEqualTo((int) stays);
        assertThat(snapshot.getJsonObject("holder").getString("firstName")).isEqualTo("Stays");
        assertThat(snapshot.getJsonObject("edition").getInt("courseHours")).isEqualTo(120);
        assertThat(snapshot.getJsonObject("state").getString("code")).isEqualTo("AR");
        assertThat(snapshot.getJsonObject("stateSignatory").getString("name")).isNotBlank();

        // certificate-service reports the certificate delivered: CERTIFIED. Only it may say so.
        String certified = "/internal/participants/" + stays + "/certified";
        String body = "{\"edition\":\"" + EDITION + "\",\"certificateNumber\":\"IT/AR/0001\","
                + "\"verificationUrl\":\"http://localhost/certificates/verify/ABCD-EFGH-JKMN-PQRS\"}";
        assertThat(api.postAsService("wrong-token", certified, body).status()).isEqualTo(401);
        assertThat(api.post(LEADER, certified, body).status()).isEqualTo(403);
        expect(200, api.postAsService(ServiceConfiguration.SERVICE_TOKEN, certified, body));
        expect(200, api.postAsService(ServiceConfiguration.SERVICE_TOKEN, certified, body));
        assertThat(expect(200, api.get(COORD, participant(stays))).json().getString("status")).isEqualTo("CERTIFIED");
        // ...and the learner gets the link in Moodle too (once, though the notice came twice).
        waitForSync(api, "MOODLE_MESSAGE", 1);

        // The report agrees with the participants.
        JsonObject report = expect(200, api.get(LEADER, "/editions/" + EDITION + "/report")).json();
        JsonObject argentina = report.getJsonArray("states").getJsonObject(0);
        assertThat(argentina.getInt("proposed")).isEqualTo(2);
        assertThat(argentina.getInt("accepted")).isEqualTo(1);
        assertThat(argentina.getInt("enrolled")).isEqualTo(1);
        assertThat(argentina.getInt("onlineCompleted")).isEqualTo(1);
        assertThat(argentina.getInt("faceToFacePassed")).isEqualTo(1);
        assertThat(argentina.getInt("certified")).isEqualTo(1);
        Api.Reply csv = api.get(LEADER, "/editions/" + EDITION + "/report", "text/csv");
        assertThat(csv.body()).contains("IT-MOODLE,AR,3,2,0,1,1,1,1,1").contains("TOTAL");

        // The coordinator closes the state's stage; the course leaders are told.
        expect(200, api.post(COORD, "/editions/" + EDITION + "/agreements/AR/face-to-face/close", "{}"));
        assertThat(waitForMail(LEADER + "@example.org").getSubject()).contains("AR").contains(EDITION);
        expect(403, api.put(COORD, participant(stays) + "/face-to-face", "{\"result\":\"FAILED\"}"));
        assertThat(problem(api.put(LEADER, participant(stays) + "/face-to-face", "{\"result\":\"PASSED\",\"score\":95}")))
                .contains("reason");

        // The connection check sees the emulated site with every function the bridge needs.
        JsonObject connection = expect(200, api.get(LEADER, "/moodle/connection")).json();
        assertThat(connection.getBoolean("configured")).isTrue();
        assertThat(connection.getJsonArray("missingFunctions")).isEmpty();
        expect(403, api.get(COORD, "/moodle/connection"));
    }

    @Test
    void faceToFaceResultsComeFromTheirOwnStateAndAFileIsSavedWholeOrNotAtAll() {
        Api api = new Api(deployment);
        String leader = "results.leader";
        String ar = "results.coord.ar";
        String uy = "results.coord.uy";
        api.account(leader, "COURSE_LEADER", null);
        api.account(ar, "STATE_COORDINATOR", "AR");
        api.account(uy, "STATE_COORDINATOR", "UY");
        String code = "IT-RESULTS";
        api.openEdition(leader, code, "AR=5");
        String nominations = "/editions/" + code + "/agreements/AR/nominations";
        List<Long> ids = new java.util.ArrayList<>();
        for (String name : List.of("uno", "dos", "tres")) {
            long id = expect(201, api.post(ar, nominations, nominee(name, name + "@results.example.org"))).json().getInt("id");
            expect(200, api.post(leader, "/editions/" + code + "/participants/" + id + "/accept", "{}"));
            ids.add(id);
        }
        expect(200, api.patch(leader, "/editions/" + code, "{\"status\":\"ONLINE_STAGE\"}"));
        String results = "/editions/" + code + "/agreements/AR/face-to-face/results";

        // Another state's coordinator can neither record one result nor send a file for this state.
        assertThat(api.put(uy, "/editions/" + code + "/participants/" + ids.get(0) + "/face-to-face",
                "{\"result\":\"PASSED\"}").status()).isIn(403, 404);
        assertThat(api.postCsv(uy, results, "participant_id,result\n1,PASSED\n".getBytes()).status()).isIn(403, 404);

        // One bad row: nothing is saved, and the report says which row and why.
        String csv = "participant_id,result,score,note\n" + ids.get(0) + ",PASSED,88,ok\n" + ids.get(1)
                + ",MAYBE,,\n" + ids.get(2) + ",ABSENT,,\n";
        Api.Reply refused = api.postCsv(ar, results, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().getJsonArray("rows").getJsonObject(1).getString("outcome")).isEqualTo("REFUSED");
        assertThat(ids).allSatisfy(id -> assertThat(expect(200, api.get(ar, "/editions/" + code + "/participants/" + id))
                .json().getString("faceToFace")).isEqualTo("PENDING"));

        // The corrected file is saved whole.
        Api.Reply saved = api.postCsv(ar, results, csv.replace("MAYBE", "FAILED").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(ids.stream().map(id -> expect(200, api.get(ar, "/editions/" + code + "/participants/" + id))
                .json().getString("faceToFace")).toList()).containsExactly("PASSED", "FAILED", "ABSENT");

        // Each state sees only its own row of the report; the leader sees all and the total.
        assertThat(expect(200, api.get(uy, "/editions/" + code + "/report")).json().getJsonArray("states")).isEmpty();
        JsonObject full = expect(200, api.get(leader, "/editions/" + code + "/report")).json();
        assertThat(full.getJsonObject("total").getInt("faceToFacePassed")).isEqualTo(1);
        assertThat(expect(200, api.get(ar, "/editions/" + code + "/report")).json().containsKey("total")).isFalse();
    }

    private static MimeMessage waitForMail(String to) {
        return await("an e-mail to reach " + to, Duration.ofSeconds(30), Duration.ofMillis(250)).until(() -> {
            for (MimeMessage message : ServiceConfiguration.mail.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(to)) {
                    return message;
                }
            }
            return null;
        }, Objects::nonNull);
    }

    private static String problem(Api.Reply reply) {
        assertThat(reply.status()).isEqualTo(422);
        return reply.body();
    }

    private static String participant(long id) {
        return "/editions/" + EDITION + "/participants/" + id;
    }

    private static JsonObject waitFor(Api api, long id, Predicate<JsonObject> condition) {
        return await("participant " + id + " to reach the expected state", Duration.ofSeconds(30), Duration.ofMillis(250))
                .until(() -> expect(200, api.get(LEADER, participant(id))).json(), condition);
    }

    private static void waitForSync(Api api, String kind, int done) {
        await(kind + " to reach " + done + " done", Duration.ofSeconds(30), Duration.ofMillis(250))
                .until(() -> expect(200, api.get(LEADER, "/editions/" + EDITION + "/moodle-sync")).json()
                        .getJsonObject("counts"), counts -> counts.containsKey(kind)
                        && counts.getJsonObject(kind).getInt("DONE", 0) == done);
    }
}
