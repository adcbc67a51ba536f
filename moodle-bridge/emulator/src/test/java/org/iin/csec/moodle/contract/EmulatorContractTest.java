package org.iin.csec.moodle.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulator must agree with every capture of the real Moodle: for each file, a fresh emulator is brought to the
 * state the capture needed by replaying the captures made before it (see {@link ContractTimeline}), then the file's
 * exact request form is sent over HTTP and the answer compared with the captured one (see
 * {@link ContractComparison} for the few members allowed to differ, and why).
 */
class EmulatorContractTest {

    /**
     * A moment inside the capture session (the bodies' times are around 1795390300-1795390700). Enrolment windows in
     * the captures were chosen relative to it, so "only active enrolments" must be judged at that time, not today.
     */
    private static final Clock CAPTURE_CLOCK = Clock.fixed(Instant.ofEpochSecond(1795390600L), ZoneOffset.UTC);

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();

    @AfterAll
    static void releaseConnections() {
        HTTP.connectionPool().evictAll();
        HTTP.dispatcher().executorService().shutdown();
    }

    static List<ContractCapture> captures() {
        return ContractCapture.all();
    }

    @Test
    void theTimelinePlacesEveryCaptureExactlyOnce() {
        Set<String> inFolder = captures().stream().map(ContractCapture::file).collect(Collectors.toCollection(TreeSet::new));
        List<String> inTimeline = ContractTimeline.steps().stream().filter(ContractTimeline.Step::isCapture)
                .map(ContractTimeline.Step::capture).toList();
        assertThat(inTimeline).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(inTimeline)).isEqualTo(inFolder);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void emulatorAnswersAsTheRealMoodleDid(ContractCapture capture) throws IOException {
        List<ContractTimeline.Step> steps = ContractTimeline.steps();
        int position = steps.indexOf(ContractTimeline.Step.capture(capture.file()));
        assertThat(position).as("%s has no place in ContractTimeline", capture.file()).isNotNegative();

        try (MoodleEmulator moodle = MoodleEmulator.builder().clock(CAPTURE_CLOCK)
                .siteName("CSEC Contract Moodle", "csec").start()) {
            Set<String> sent = new HashSet<>();
            for (ContractTimeline.Step step : steps.subList(0, position)) {
                if (step.isCapture()) {
                    replay(moodle, ContractCapture.named(step.capture()), sent);
                } else {
                    step.action().accept(moodle);
                }
            }
            Exchange answer = replay(moodle, capture, sent);

            assertThat(answer.status).as("HTTP status").isEqualTo(capture.status());
            assertThat(answer.contentType).as("content type").isEqualTo(capture.contentType());
            JsonValue actual = capture.isXml() ? MoodleXmlTree.parse(answer.body)
                    : jakarta.json.Json.createReader(new java.io.StringReader(answer.body)).readValue();
            assertThat(ContractComparison.differences(capture.bodyValue(), actual, moodle.baseUrl(), sent))
                    .as("differences from the capture; emulator answered:%n%s", answer.body)
                    .isEmpty();
        }
    }

    private record Exchange(int status, String contentType, String body) {
    }

    /** Sends the capture's form as captured, with the emulator's token in place of the placeholder. */
    private static Exchange replay(MoodleEmulator moodle, ContractCapture capture, Set<String> sent)
            throws IOException {
        FormBody.Builder form = new FormBody.Builder();
        for (String[] field : capture.form()) {
            boolean placeholder = field[0].equals("wstoken") && field[1].equals(ContractCapture.TOKEN_PLACEHOLDER);
            form.add(field[0], placeholder ? moodle.token() : field[1]);
            sent.add(field[1]);
        }
        Request request = new Request.Builder().url(moodle.baseUrl() + "/webservice/rest/server.php")
                .post(form.build()).build();
        try (Response response = HTTP.newCall(request).execute()) {
            return new Exchange(response.code(), response.header("Content-Type"), response.body().string());
        }
    }
}
