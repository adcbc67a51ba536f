package org.iin.csec.moodle.contract;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One exchange captured from the real Moodle 4.5.6 site in {@code shared/moodle-contract}: the request form as sent
 * and the answer exactly as received.
 */
record ContractCapture(String file, String function, String description, List<String[]> form, int status,
        String contentType, String body) {

    /** The captures' token placeholder: the real token was replaced by this text. */
    static final String TOKEN_PLACEHOLDER = "TOKEN";

    /**
     * The capture folder: {@code -Dmoodle.contract.dir=...}, else {@code ../../../shared/moodle-contract} from the
     * module folder. A missing folder fails the tests instead of skipping them.
     */
    static Path directory() {
        String configured = System.getProperty("moodle.contract.dir");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "..", "..", "shared", "moodle-contract");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The Moodle contract captures are missing: no folder "
                    + dir.toAbsolutePath().normalize() + " (set -Dmoodle.contract.dir)");
        }
        return dir;
    }

    static List<ContractCapture> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<ContractCapture> captures = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                captures.add(read(file));
            }
            if (captures.isEmpty()) {
                throw new IllegalStateException("No capture files in " + directory().toAbsolutePath());
            }
            return captures;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the Moodle contract captures", e);
        }
    }

    private static final java.util.Map<String, ContractCapture> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static ContractCapture named(String file) {
        return CACHE.computeIfAbsent(file, f -> read(directory().resolve(f)));
    }

    private static ContractCapture read(Path path) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(path))) {
            JsonObject json = reader.readObject();
            JsonObject request = json.getJsonObject("request");
            List<String[]> form = new ArrayList<>();
            for (JsonValue field : request.getJsonArray("form")) {
                JsonArray pair = field.asJsonArray();
                form.add(new String[] {pair.getString(0), pair.getString(1)});
            }
            return new ContractCapture(path.getFileName().toString(), json.getString("function"),
                    json.getString("description"), form, json.getInt("status"),
                    json.getString("response_content_type"), json.getString("response_body"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    boolean isXml() {
        return contentType.startsWith("application/xml");
    }

    /** The answer as JSON; XML answers are converted by {@link MoodleXmlTree}. */
    JsonValue bodyValue() {
        if (isXml()) {
            return MoodleXmlTree.parse(body);
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    /** True when Moodle answered with an exception body. */
    boolean isError() {
        JsonValue value = bodyValue();
        return value.getValueType() == JsonValue.ValueType.OBJECT && value.asJsonObject().containsKey("exception");
    }

    @Override
    public String toString() {
        return file;
    }
}
