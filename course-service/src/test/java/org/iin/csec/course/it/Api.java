package org.iin.csec.course.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small client of the deployed course-service API, as a script or another system would use it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    /** Always loopback: Payara Micro reports the machine's own address, but the tests never leave 127.0.0.1. */
    public Api(URL deployment) {
        this.base = "http://127.0.0.1:" + deployment.getPort() + deployment.getPath().replaceAll("/$", "");
    }

    /** The answer: status, content type and body, with the body parsed as JSON on demand. */
    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }


        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply get(String user, String path, String accept) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    public Reply getWithRequestId(String user, String path, String requestId) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("X-Request-Id", requestId).GET());
    }

    public Reply post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** As certificate-service calls: with a Bearer token instead of a person's account. */
    public Reply postAsService(String token, String path, String json) {
        return send(null, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** As the pages call: with a sign-in session's token. */
    public Reply withSession(String token, String method, String path) {
        return send(null, HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Reply delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Reply postCsv(String user, String path, byte[] csv) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    /** Server-wide endpoints (health, metrics, OpenAPI) live at the root, outside the application. */
    public Reply server(String path) {
        URI root = URI.create(base).resolve("/");
        return send(null, HttpRequest.newBuilder(root.resolve(path)).GET());
    }

    private URI uri(String path) {
        return URI.create(base + "/api/v1" + path);
    }

    private static Reply send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String password = user.equals(ServiceConfiguration.ADMIN) ? ServiceConfiguration.ADMIN_PASSWORD
                    : ServiceConfiguration.ACCOUNT_PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an account through the administrator, as an operator would. */
    public void account(String username, String role, String state) {
        String json = "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"email\":\"" + username
                + "@example.org\",\"roles\":[\"" + role
                + "\"]" + (state == null ? "" : ",\"state\":\"" + state + "\"") + ",\"password\":\"" + ServiceConfiguration.ACCOUNT_PASSWORD + "\"}";
        Reply reply = post(ServiceConfiguration.ADMIN, "/accounts", json);
        if (reply.status() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + reply);
        }
    }

    /** Creates an edition with the given agreements (state=quota) and opens its nominations. */
    public void openEdition(String leader, String code, String... quotas) {
        expect(201, post(leader, "/editions", "{\"code\":\"" + code + "\",\"title\":\"Integration test " + code
                + "\",\"language\":\"es\",\"moodleCourseId\":2,\"onlineStageStart\":\"2027-03-01\","
                + "\"onlineStageEnd\":\"2027-05-31\",\"courseHours\":120}"));
        for (String quota : quotas) {
            String[] stateAndSeats = quota.split("=");
            expect(200, put(leader, "/editions/" + code + "/agreements/" + stateAndSeats[0],
                    "{\"quota\":" + stateAndSeats[1] + ",\"signatory\":{\"name\":\"S\",\"title\":\"T\",\"institution\":\"I\"}}"));
        }
        expect(200, patch(leader, "/editions/" + code, "{\"status\":\"NOMINATIONS_OPEN\"}"));
    }

    public static String nominee(String first, String email) {
        return "{\"firstName\":\"" + first + "\",\"lastName\":\"Tester\",\"email\":\"" + email + "\"}";
    }

    public static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + reply);
        }
        return reply;
    }
}
