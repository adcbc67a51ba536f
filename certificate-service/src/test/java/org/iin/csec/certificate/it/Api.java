package org.iin.csec.certificate.it;

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

/** A small client of the deployed certificate-service, as a script, a browser or course-service would use it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    /** Always loopback: Payara Micro reports the machine's own address, but the tests never leave 127.0.0.1. */
    public Api(URL deployment) {
        this.base = "http://127.0.0.1:" + deployment.getPort() + deployment.getPath().replaceAll("/$", "");
    }

    /** The answer: status, content type, headers of interest and body (text, or bytes for files). */
    public record Reply(int status, String contentType, String body, byte[] bytes, HttpResponse<byte[]> raw) {

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + (contentType.contains("pdf") || contentType.contains("zip") ? contentType : body);
        }
    }

    public Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    public Reply get(String user, String path, String accept) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    public Reply post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply putPdf(String user, String path, byte[] pdf) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
    }

    public Reply delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** course-service's call, with the given bearer token (null for none). */
    public Reply service(String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(null, request);
    }

    /** A browser opening the public verification address printed on certificates: /verify/{code}. */
    public Reply page(String path, String accept, String acceptLanguage) {
        return send(null, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .header("Accept-Language", acceptLanguage).GET());
    }

    /** As the pages call: with a sign-in session's token (course-service gave it). */
    public Reply withSession(String token, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    /** With explicit credentials, e.g. a wrong password. */
    public Reply getAs(String user, String password, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET());
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
            request.header("Authorization", basic(user, TestEnvironment.PASSWORD));
        }
        return send(request);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + reply);
        }
        return reply;
    }

    /** The hand-off course-service sends for one eligible participant. */
    public static String handOff(long participantId, String edition, String state, String firstName,
                                 String lastName, String email) {
        String stateName = switch (state) {
            case "AR" -> "Argentina";
            case "UY" -> "Uruguay";
            case "PE" -> "Perú";
            default -> state;
        };
        return Json.createObjectBuilder()
                .add("participantId", participantId)
                .add("edition", Json.createObjectBuilder().add("code", edition)
                        .add("title", "Explotación sexual comercial de niñas, niños y adolescentes")
                        .add("language", "es").add("courseHours", 120)
                        .add("onlineStageStart", "2027-03-01").add("onlineStageEnd", "2027-05-31")
                        .add("faceToFaceStart", "2027-06-14").add("faceToFaceEnd", "2027-06-18"))
                .add("holder", Json.createObjectBuilder().add("firstName", firstName).add("lastName", lastName)
                        .add("email", email))
                .add("state", Json.createObjectBuilder().add("code", state).add("name", stateName))
                .add("iinSignatory", Json.createObjectBuilder().add("name", "Ana Lucía Gonçalves")
                        .add("title", "Coordinadora del curso")
                        .add("institution", "Instituto Interamericano del Niño, la Niña y Adolescentes"))
                .add("stateSignatory", Json.createObjectBuilder().add("name", "Joaquín Ibáñez")
                        .add("title", "Director Nacional de Niñez").add("institution", "SENAF"))
                .build().toString();
    }

    /** A server-side signing request body with a PKCS#12 file and its passphrase. */
    public static String signing(byte[] pkcs12, String passphrase) {
        return Json.createObjectBuilder().add("pkcs12", Base64.getEncoder().encodeToString(pkcs12))
                .add("passphrase", passphrase).build().toString();
    }
}
