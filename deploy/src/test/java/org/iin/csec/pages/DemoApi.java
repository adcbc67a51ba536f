package org.iin.csec.pages;

import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The API, for the steps of a walk that happen outside the pages (a learner finishing the course in the
 * emulated Moodle) and for checking what a page did. HTTP Basic with the demo accounts; 127.0.0.1 only.
 */
public final class DemoApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoApi() {
    }

    public record Answer(int status, String body) {
    }

    public static Answer call(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningProduct.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + RunningProduct.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return send(request.build());
    }

    public static Answer get(String user, String path) {
        return call(user, "GET", path, null);
    }

    public static Answer post(String user, String path, String json) {
        return call(user, "POST", path, json);
    }

    /**
     * The participant, enrolled in the demo's emulated Moodle, completes the course there as a learner would: the
     * demo's own application (run-demo.sh deploys it at /moodle-demo, beside the services) is told their Moodle user,
     * which the course API shows. The course reads it back at its next sync.
     */
    public static Answer completeCourseInMoodle(String edition, long participant) {
        Answer read = get("leader", "/course/api/v1/editions/" + edition + "/participants/" + participant);
        if (read.status() != 200) {
            throw new IllegalStateException("Participant " + participant + ": " + read);
        }
        Map<String, Object> view = new Json().toType(read.body(), Json.MAP_TYPE);
        Object moodleUser = view.get("moodleUserId");
        if (!(moodleUser instanceof Number number)) {
            throw new IllegalStateException("Participant " + participant + " is not in Moodle yet: " + read.body());
        }
        return send(HttpRequest.newBuilder(URI.create(RunningProduct.baseUrl() + "/moodle-demo/users/"
                + number.longValue() + "/complete-course")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
