package org.iin.csec.course.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads everything a service wrote to its log during a test class and names every secret or identity document
 * that appears in it: passwords, the services' token, the database password, documents the tests nominated.
 */
final class LogsKeepSecrets {

    /** Identity documents the tests send, as typed and as stored. */
    static final List<String> DOCUMENTS = List.of("DOC-42", "DOC42", "1.234.567-8", "12345678");

    private LogsKeepSecrets() {
    }

    static void check(String logPrefix, List<String> secrets) {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        List<String> found = new ArrayList<>();
        try (Stream<Path> logs = Files.list(target)) {
            // The log and its rotations (payara-x.log.0, .1...), not the handler's empty .lck file that Payara removes as it exits.
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith(logPrefix))
                    .filter(p -> !p.getFileName().toString().endsWith(".lck")).toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    if (secret != null && !secret.isBlank() && text.contains(secret)) {
                        found.add(log.getFileName() + " contains " + secret.substring(0, Math.min(4, secret.length())) + "…");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found.isEmpty()) {
            throw new AssertionError("Secrets or identity documents in the service's log: " + found);
        }
    }
}
