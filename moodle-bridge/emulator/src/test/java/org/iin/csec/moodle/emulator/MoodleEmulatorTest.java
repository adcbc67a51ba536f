package org.iin.csec.moodle.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.iin.csec.moodle.InstantMessage;
import org.iin.csec.moodle.MessageResult;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleTransportException;
import org.iin.csec.moodle.NewUser;
import org.junit.jupiter.api.Test;

/** The emulator as tests and the demo run use it: where it listens, how it counts, fails and is seeded. */
class MoodleEmulatorTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static HttpResponse<String> post(MoodleEmulator moodle, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(moodle.baseUrl() + "/webservice/rest/server.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MoodleClient client(MoodleEmulator moodle) {
        return new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token())
                .readTimeout(Duration.ofMillis(300)).build();
    }

    @Test
    void listensOnLoopbackOnAFreePortUntilClosed() throws Exception {
        String baseUrl;
        try (MoodleEmulator moodle = MoodleEmulator.start()) {
            baseUrl = moodle.baseUrl();
            assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(post(moodle, "wstoken=" + moodle.token() + "&wsfunction=core_webservice_get_site_info"
                    + "&moodlewsrestformat=json").statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void countsCallsPerFunctionAndAddsLatency() throws Exception {
        try (MoodleEmulator moodle = MoodleEmulator.builder().latency(Duration.ofMillis(120)).start();
                MoodleClient client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token())
                        .build()) {
            long started = System.nanoTime();
            client.getSiteInfo();
            client.getSiteInfo();
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            client.getCourseGroups(1);

            assertThat(elapsedMillis).isGreaterThanOrEqualTo(240);
            assertThat(moodle.callCount("core_webservice_get_site_info")).isEqualTo(2);
            assertThat(moodle.callCount("core_group_get_course_groups")).isEqualTo(1);
            assertThat(moodle.totalCallCount()).isEqualTo(3);
            moodle.resetCallCounts();
            assertThat(moodle.totalCallCount()).isZero();
        }
    }

    @Test
    void answersXmlWhenNoFormatIsAsked() throws Exception {
        try (MoodleEmulator moodle = MoodleEmulator.start()) {
            HttpResponse<String> response = post(moodle, "wstoken=" + moodle.token()
                    + "&wsfunction=core_webservice_get_site_info");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
            assertThat(response.body()).startsWith("<?xml").contains("<KEY name=\"username\"><VALUE>wsbridge</VALUE>");
        }
    }

    @Test
    void aSlowAnswerStillDoesTheWork() {
        try (MoodleEmulator moodle = MoodleEmulator.start(); MoodleClient client = client(moodle)) {
            moodle.injectFault("core_user_create_users", Fault.slow(Duration.ofSeconds(2)));

            var outcome = client.createUsers(List.of(NewUser.learner("ana", "Ana", "G", "ana@example.org", "P-1",
                    "AR")));

            assertThat(outcome.stoppedBy()).isInstanceOf(MoodleTransportException.class);
            assertThat(moodle.userIdByIdNumber("P-1")).as("created although the client gave up").isPresent();
        }
    }

    @Test
    void aRefusedConnectionComesBackOnTheSamePort() throws Exception {
        try (MoodleEmulator moodle = MoodleEmulator.start(); MoodleClient client = client(moodle)) {
            moodle.injectFault(Fault.connectionRefused());
            assertThatThrownBy(client::getSiteInfo).isInstanceOf(MoodleTransportException.class);
            moodle.clearFaults();
            assertThat(client.getSiteInfo().username()).isEqualTo("wsbridge");
        }
    }

    @Test
    void messagesFollowTheRecipientsPreferences() throws Exception {
        try (MoodleEmulator moodle = MoodleEmulator.start(); MoodleClient client = client(moodle)) {
            long ana = moodle.createUser("ana", "Ana", "García", "ana@example.org", "P-1");

            MessageResult sent = client.sendInstantMessage(new InstantMessage(ana, "Hola **Ana**",
                    InstantMessage.Format.MARKDOWN, "m-1"));
            moodle.revokeCapability("moodle/site:messageanyuser");
            MessageResult blocked = client.sendInstantMessage(new InstantMessage(ana, "Otra vez",
                    InstantMessage.Format.HTML, "m-2"));

            assertThat(sent.delivered()).isTrue();
            assertThat(sent.clientMessageId()).isEqualTo("m-1");
            assertThat(blocked.delivered()).isFalse();
            assertThat(blocked.errorMessage()).contains("message preferences");
            assertThat(moodle.messagesTo(ana)).containsExactly("<p>Hola <strong>Ana</strong></p>");
        }
    }

    @Test
    void onlyModelledCapabilitiesCanBeRevoked() {
        try (MoodleEmulator moodle = MoodleEmulator.start()) {
            assertThatThrownBy(() -> moodle.revokeCapability("moodle/course:update"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anUnknownPathIsNotFound() throws IOException, InterruptedException {
        try (MoodleEmulator moodle = MoodleEmulator.start()) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(moodle.baseUrl() + "/login"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(moodle.totalCallCount()).isZero();
        }
    }
}
