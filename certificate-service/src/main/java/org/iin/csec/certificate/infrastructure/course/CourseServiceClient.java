package org.iin.csec.certificate.infrastructure.course;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.certificate.application.CourseNotifier;
import org.iin.csec.certificate.infrastructure.security.ServiceToken;
import org.iin.csec.chassis.outbox.Outcome;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP client of course-service (csec.course.url). Two calls: who is signing in (the caller's own Basic
 * credentials, forwarded), and that a participant is certified (with the shared service token). Neither the
 * credentials nor the token ever appear in a log or an error message.
 */
@ApplicationScoped
public class CourseServiceClient implements CourseNotifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = "csec.course.url", defaultValue = "http://127.0.0.1:8080/course")
    String courseUrl;

    @Inject
    ServiceToken serviceToken;

    private HttpClient http;

    @PostConstruct
    void open() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** course-service's account, as {@code GET /api/v1/me} describes it. */
    public record Account(String username, String displayName, List<String> roles, String state) {
    }

    /** What course-service said about a user name and password. */
    public sealed interface SignIn permits Known, Refused, Unavailable {
    }

    public record Known(Account account) implements SignIn {
    }

    public record Refused() implements SignIn {
    }

    public record Unavailable(String reason) implements SignIn {
    }

    public SignIn me(String basicAuthorization) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/me")).timeout(TIMEOUT)
                .header("Authorization", basicAuthorization).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                return new Refused();
            }
            if (response.statusCode() != 200) {
                return new Unavailable("course-service answered HTTP " + response.statusCode());
            }
            return new Known(account(response.body()));
        } catch (IOException | RuntimeException e) {
            return new Unavailable("course-service cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
    }

    @Override
    public Outcome certified(long participantId, String editionCode, String certificateNumber,
                             String verificationUrl) {
        if (!serviceToken.isConfigured()) {
            return Outcome.retry("csec.service.token is not configured; course-service cannot be told.");
        }
        String body = Json.createObjectBuilder().add("edition", editionCode)
                .add("certificateNumber", certificateNumber).add("verificationUrl", verificationUrl).build().toString();
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/internal/participants/" + participantId
                        + "/certified"))
                .timeout(TIMEOUT)
                .header("Authorization", serviceToken.bearerHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.done();
            }
            if (status >= 500 || status == 408 || status == 429) {
                return Outcome.retry("course-service answered HTTP " + status + "; will try again.");
            }
            return Outcome.failed("course-service refused the notice with HTTP " + status
                    + (status == 401 ? " (do both services have the same csec.service.token?)" : "")
                    + ". Retry it once the cause is fixed.");
        } catch (IOException | RuntimeException e) {
            return Outcome.retry("course-service cannot be reached (" + e.getClass().getSimpleName()
                    + "); will try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("Interrupted; will try again.");
        }
    }

    private URI uri(String path) {
        String base = courseUrl.endsWith("/") ? courseUrl.substring(0, courseUrl.length() - 1) : courseUrl;
        return URI.create(base + path);
    }

    private static Account account(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject me = reader.readObject();
            List<String> roles = new ArrayList<>();
            if (me.get("roles") instanceof JsonArray array) {
                for (JsonValue role : array) {
                    if (role instanceof JsonString name) {
                        roles.add(name.getString());
                    }
                }
            }
            return new Account(me.getString("username"), text(me, "displayName"), roles, text(me, "state"));
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
