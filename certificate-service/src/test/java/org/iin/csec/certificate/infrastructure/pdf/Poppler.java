package org.iin.csec.certificate.infrastructure.pdf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs Debian's poppler-utils (pdfsig, pdffonts, pdftotext, pdftoppm): a second PDF reader, independent of iText,
 * like the viewers people use. Fails, never skips, when they are missing: CI installs them.
 */
public final class Poppler {

    /** Where tests write the PDFs they make, for a person to open. */
    public static final Path OUTPUT = Path.of("target", "test-pdfs");

    private Poppler() {
    }

    /** The output (standard output and error) of a poppler tool run on the given arguments. */
    public static String run(String tool, String... arguments) {
        Path executable = find(tool);
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(tool + " did not finish within 60 s");
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a PDF under {@link #OUTPUT} and returns its path. */
    public static Path save(String fileName, byte[] pdf) {
        try {
            Files.createDirectories(OUTPUT);
            Path file = OUTPUT.resolve(fileName);
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail(tool + " is not installed: these tests check PDFs with poppler-utils too "
                + "(apt-get install -y poppler-utils)");
    }
}
