package org.iin.csec.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the client fails when Moodle does: each fault becomes the right exception with the right retryable flag, and
 * the token is in no message, cause, {@code toString} or log line.
 */
class MoodleClientFailureTest {

    private static final String TOKEN = "5ecre7t0ken5ecre7t0ken5ecre7t0k3";

    private MoodleEmulator moodle;
    private MoodleClient client;

    @BeforeEach
    void start() {
        moodle = MoodleEmulator.builder().token(TOKEN).start();
        client = clientFor(moodle.baseUrl());
    }

    @AfterEach
    void stop() {
        client.close();
        moodle.close();
    }

    private static MoodleClient clientFor(String baseUrl) {
        return new MoodleClient.Builder().baseUrl(baseUrl).token(TOKEN).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofMillis(400)).callTimeout(Duration.ofSeconds(5)).build();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.connectionRefused(), MoodleTransportException.class, "connectionfailed", true),
                Arguments.of(Fault.connectionClosed(), MoodleTransportException.class, "connectionfailed", true),
                Arguments.of(Fault.httpStatus(500), MoodleTransportException.class, "httperror", true),
                Arguments.of(Fault.httpStatus(503), MoodleTransportException.class, "httperror", true),
                Arguments.of(Fault.slow(Duration.ofSeconds(3)), MoodleTransportException.class, "timeout", true),
                Arguments.of(Fault.htmlPage(), MoodleTransportException.class, "malformedresponse", true),
                Arguments.of(Fault.truncatedJson(), MoodleTransportException.class, "malformedresponse", true),
                Arguments.of(Fault.invalidToken(), MoodleAccessException.class, "invalidtoken", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultHasItsTypeAndRetryableFlag(Fault fault, Class<? extends MoodleException> type, String errorCode,
            boolean retryable) {
        moodle.injectFault(fault);
        try (LogCapture logs = new LogCapture()) {
            MoodleException error = catchThrowableOfType(MoodleException.class, client::getSiteInfo);

            assertThat(error).isInstanceOf(type);
            assertThat(error.errorCode()).isEqualTo(errorCode);
            assertThat(error.isRetryable()).isEqualTo(retryable);
            assertThat(error.function()).isEqualTo("core_webservice_get_site_info");
            assertNoToken(error, logs);
        }
    }

    @Test
    void aFunctionMissingFromTheServiceIsAnAccessProblem() {
        moodle.removeFunction("core_user_create_users");
        BatchOutcome<NewUser, CreatedUser> outcome = client.createUsers(List.of(
                NewUser.learner("ana.garcia", "Ana", "García", "ana@example.com", "P-1", "AR")));
        assertThat(outcome.stoppedBy()).isInstanceOf(MoodleAccessException.class);
        assertThat(outcome.stoppedBy().errorCode()).isEqualTo("accessexception");
        assertThat(outcome.unconfirmed()).hasSize(1);
        assertThat(moodle.userIdByIdNumber("P-1")).isEmpty();
    }

    @Test
    void aWrongBaseUrlIsNotRetryable() {
        try (MoodleClient wrong = clientFor(moodle.baseUrl() + "/moodle")) {
            MoodleTransportException error = catchThrowableOfType(MoodleTransportException.class, wrong::getSiteInfo);
            assertThat(error.httpStatus()).isEqualTo(404);
            assertThat(error.isRetryable()).isFalse();
        }
    }

    @Test
    void nothingListeningIsRetryable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        try (MoodleClient down = clientFor("http://127.0.0.1:" + port); LogCapture logs = new LogCapture()) {
            MoodleTransportException error = catchThrowableOfType(MoodleTransportException.class, down::getSiteInfo);
            assertThat(error.reason()).isEqualTo(MoodleTransportException.Reason.CONNECTION_FAILED);
            assertThat(error.isRetryable()).isTrue();
            assertNoToken(error, logs);
        }
    }

    @Test
    void aServerThatEchoesTheRequestCannotLeakTheToken() throws Exception {
        try (MockWebServer echo = new MockWebServer()) {
            echo.start(InetAddress.getByName("127.0.0.1"), 0);
            echo.enqueue(new MockResponse.Builder().code(502).body("Bad gateway for wstoken=" + TOKEN).build());
            echo.enqueue(new MockResponse.Builder().code(200).body("<html>wstoken=" + TOKEN + "</html>").build());
            echo.enqueue(new MockResponse.Builder().code(200)
                    .body("{\"exception\":\"x\",\"errorcode\":\"invalidtoken\",\"message\":\"bad " + TOKEN + "\","
                            + "\"debuginfo\":\"" + TOKEN + "\"}").build());
            try (MoodleClient viaEcho = clientFor("http://127.0.0.1:" + echo.getPort());
                    LogCapture logs = new LogCapture()) {
                for (int i = 0; i < 3; i++) {
                    MoodleException error = catchThrowableOfType(MoodleException.class, viaEcho::getSiteInfo);
                    assertNoToken(error, logs);
                    if (error instanceof MoodleErrorException moodleError) {
                        assertThat(moodleError.debugInfo()).hasValue("[token]");
                    }
                }
            }
        }
    }

    @Test
    void theTokenIsNotInToStringAndNeverInTheUrl() {
        assertThat(client.toString()).doesNotContain(TOKEN).contains(moodle.baseUrl());
        assertThat(new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(TOKEN).toString()).doesNotContain(TOKEN);
        assertThatThrownBy(() -> new MoodleClient.Builder().baseUrl(moodle.baseUrl() + "/?wstoken=" + TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThat(NewUser.learner("a.b", "A", "B", "a@b.org", null, null).toString()).doesNotContain("password");
    }

    @Test
    void aBadCountryCodeIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> NewUser.learner("bad.country", "Bad", "Country", "bad@example.com", "P-9",
                "Argentina"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166-1 alpha-2");
        assertThat(moodle.totalCallCount()).isZero();
    }

    private static void assertNoToken(Throwable error, LogCapture logs) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
            for (StackTraceElement frame : t.getStackTrace()) {
                texts.add(frame.toString());
            }
        }
        texts.addAll(logs.lines());
        assertThat(texts).isNotEmpty().noneMatch(text -> text.contains(TOKEN));
    }
}
