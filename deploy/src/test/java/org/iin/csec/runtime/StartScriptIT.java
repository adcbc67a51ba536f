package org.iin.csec.runtime;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;

/**
 * deploy/start.sh, the command systemd runs in production (deploy/systemd/csec.service), on the runtime folder the
 * build makes and the embedded database: a first start in a new folder, then a restart as after an upgrade.
 */
class StartScriptIT {

    private static final Path TARGET = ServicesProcess.buildDirectory();
    private static final Path DEPLOY = TARGET.getParent();
    private static final Path RUNTIME = TARGET.resolve("runtime");
    private static final String PASSWORD = "start-script-password-1";
    /** A SEVERE line in the JSON log (deploy/logging.properties) is something an operator must act on. */
    private static final String SEVERE = "\"Level\":\"SEVERE\"";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path root = TARGET.resolve("start-script-root");
    private final Path data = TARGET.resolve("start-script-data");
    private final String adminPassword = "first-" + UUID.randomUUID();
    private final int port = ServicesProcess.freePort();

    @Test
    void theFirstStartPreparesQuickerStartsAndARestartKeepsTheDataWithOnlyTheCurrentLibraries() throws Exception {
        ServicesProcess.deleteTree(root);
        ServicesProcess.deleteTree(data);
        Path properties = TARGET.resolve("start-script.properties");
        Files.writeString(properties, "csec.data.dir=" + data + "\n"
                + "csec.admin.password=" + adminPassword + "\n"
                + "csec.course.url=http://127.0.0.1:" + port + "/course\n");

        Path firstLog = TARGET.resolve("start-script-1.log");
        try (ServicesProcess services = start(properties, firstLog, Duration.ofSeconds(300))) {
            assertThat(Files.readString(firstLog)).contains("Preparing quicker starts").doesNotContain(SEVERE);
            assertThat(mappedFiles(services)).as("the class archive made by the warm-up is in use")
                    .contains(root.resolve("classes.jsa").toString());
            assertThat(send(services, "POST", "/course/api/v1/accounts", "admin", adminPassword,
                    "{\"username\":\"ops.leader\",\"displayName\":\"Ops Leader\",\"roles\":[\"COURSE_LEADER\"],"
                            + "\"password\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(201);
            assertThat(send(services, "GET", "/certificates/verify/", null, null, null).statusCode()).isEqualTo(200);
        }

        // An upgrade brings other library versions: a jar left from before must not be loaded beside the new one.
        Path stale = root.resolve("lib").resolve("stale-library-0.9.jar");
        Files.write(stale, HexFormat.of().parseHex("504b0506000000000000000000000000000000000000"));

        Path secondLog = TARGET.resolve("start-script-2.log");
        try (ServicesProcess services = start(properties, secondLog, Duration.ofSeconds(180))) {
            String log = Files.readString(secondLog);
            assertThat(log).doesNotContain("Preparing quicker starts").doesNotContain(SEVERE);
            // Each service once: Payara Micro would also load the copies it recorded in its configuration last time.
            assertThat(occurrences(log, "course-service was successfully deployed")).isEqualTo(1);
            assertThat(occurrences(log, "certificate-service was successfully deployed")).isEqualTo(1);
            assertThat(jarNames(root.resolve("lib"))).isEqualTo(jarNames(RUNTIME.resolve("lib")));
            assertThat(mappedFiles(services)).contains(root.resolve("classes.jsa").toString());
            HttpResponse<String> editions = send(services, "GET", "/course/api/v1/editions", "ops.leader", PASSWORD, null);
            assertThat(editions.statusCode()).as("the account made before the restart signs in").isEqualTo(200);
        } finally {
            ServicesProcess.deleteTree(data);
        }
    }

    private ServicesProcess start(Path properties, Path log, Duration readyWithin) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder("bash", "start.sh", RUNTIME.toString(), root.toString(),
                "--systemProperties", properties.toString(),
                "--logProperties", DEPLOY.resolve("logging.properties").toString())
                .directory(DEPLOY.toFile());
        command.environment().put("PORT", String.valueOf(port));
        ServicesProcess services = ServicesProcess.start(command, port, log, readyWithin);
        // The first start's warm-up answers on the port too, for a while: ready counts once start.sh is the
        // services' Java (exec).
        try {
            await("start.sh to become the services' Java", readyWithin, Duration.ofMillis(200))
                    .until(() -> "java".equals(command(services)));
        } catch (ConditionTimeoutException stillTheScript) {
            // Not a failure by itself, as before: awaitReady and the test's assertions say what is wrong.
        }
        services.awaitReady(readyWithin);
        return services;
    }

    private static String command(ServicesProcess services) throws IOException {
        Path name = Path.of("/proc", String.valueOf(services.process().pid()), "comm");
        return Files.exists(name) ? Files.readString(name).trim() : "";
    }

    private HttpResponse<String> send(ServicesProcess services, String method, String path, String user,
                                      String password, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The files the running Java has mapped into memory (Linux). start.sh has become that Java by now (exec). */
    private static String mappedFiles(ServicesProcess services) throws IOException {
        return Files.readString(Path.of("/proc", String.valueOf(services.process().pid()), "maps"));
    }

    private static int occurrences(String text, String phrase) {
        Matcher matcher = Pattern.compile(Pattern.quote(phrase)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static Set<String> jarNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).collect(Collectors.toSet());
        }
    }
}
