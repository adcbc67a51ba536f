package org.iin.csec.course.infrastructure.certificates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * certificate-service as course-service calls it: JSON over HTTP with the services' shared token
 * (CSEC_SERVICE_TOKEN). The token is never logged.
 */
@ApplicationScoped
public class CertificateService {

    /** What certificate-service answered: its status code, or no answer at all (network). */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth trying again later: no answer, a server error, or an overloaded service. */
        public boolean retryable() {
            return status == 0 || status >= 500 || status == 429 || status == 408;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    @ConfigProperty(name = "csec.certificates.url", defaultValue = "http://127.0.0.1:8080/certificates")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "csec.service.token")
    Optional<String> token;

    public boolean configured() {
        return token.isPresent() && !token.get().isBlank();
    }

    public Answer post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/$", "") + "/api/v1" + path))
                .header("Authorization", "Bearer " + token.orElse(""))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, "certificate-service did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
