package org.iin.csec.chassis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** What a service wrote to its logs during a test, read for secrets (passwords, tokens, identity documents). */
public final class SecretsInLogs {

    private SecretsInLogs() {
    }

    /**
     * The files in the build folder whose names start with {@code prefix}: a log and its rotations (payara-x.log.0,
     * .1...) and its console output, not the handler's empty .lck file that Payara removes as it exits.
     */
    public static List<Path> logs(String prefix) {
        try (Stream<Path> files = Files.list(PayaraProcess.target())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> !p.getFileName().toString().endsWith(".lck")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each secret found, as "file contains abcd…" (never the whole secret); empty when the logs keep them all. */
    public static List<String> find(Collection<Path> logs, Collection<String> secrets) {
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            // Byte for byte (every secret of the tests is ASCII); a log cut short by SIGKILL reads too.
            String text;
            try {
                text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String secret : secrets) {
                if (secret != null && !secret.isBlank() && text.contains(secret)) {
                    found.add(log.getFileName() + " contains "
                            + secret.substring(0, Math.min(4, secret.length())) + "…");
                }
            }
        }
        return found;
    }
}
