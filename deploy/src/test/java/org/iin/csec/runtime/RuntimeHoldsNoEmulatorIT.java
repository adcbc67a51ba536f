package org.iin.csec.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Moodle emulator is the demo's, never production's: no class of it in either of course-service's WARs, nor in
 * anything deploy/target/runtime holds (what start.sh runs and production copies), the jars inside the WARs
 * included, as {@code jar tf} would list them one level down. The demo's own WAR does hold it, so the search is
 * known to find it where it is. Reads the files the build made; starts nothing.
 */
class RuntimeHoldsNoEmulatorIT {

    private static final String EMULATOR = "org/iin/csec/moodle/emulator/";

    @Test
    void noEmulatorClassInTheServicesWarsNorInTheRuntime() throws IOException {
        Path target = ServicesProcess.buildDirectory();
        Path runtime = target.resolve("runtime");
        Path fullWar = Path.of(System.getProperty("course-service.war", "../course-service/target/course-service.war"));
        Path withoutLibraries = fullWar.resolveSibling("course-service-without-libraries.war");

        List<Path> checked = new ArrayList<>(List.of(fullWar, withoutLibraries));
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".war") || f.toString().endsWith(".jar")).forEach(checked::add);
        }
        assertThat(checked).as("the runtime's files").contains(runtime.resolve("course-service.war"),
                runtime.resolve("certificate-service.war"), runtime.resolve("payara-micro.jar"));
        assertThat(checked).allSatisfy(file -> assertThat(file).isRegularFile());
        try (Stream<Path> libraries = Files.list(runtime.resolve("lib"))) {
            assertThat(libraries.count()).as("libraries in runtime/lib").isPositive();
        }

        for (Path file : checked) {
            assertThat(emulatorEntries(file)).as("emulator classes in " + file).isEmpty();
        }
        // What each service's full WAR bundles, one level down: the bridge, not the emulator.
        String client = "WEB-INF/lib/moodle-bridge-[^/]*\\.jar!org/iin/csec/moodle/MoodleClient\\.class";
        assertThat(entries(fullWar)).anyMatch(e -> e.matches(client))
                .noneMatch(e -> e.contains("moodle-emulator"));
    }

    @Test
    void theDemoWarHoldsTheEmulatorOutsideTheRuntime() throws IOException {
        Path demo = ServicesProcess.buildDirectory().resolve("demo").resolve("moodle-demo.war");
        assertThat(emulatorEntries(demo)).anyMatch(e -> e.matches("WEB-INF/lib/moodle-emulator-[^/]*\\.jar!"
                + EMULATOR + "MoodleEmulator\\.class"));
        assertThat(entries(demo)).contains("WEB-INF/classes/org/iin/csec/moodle/demo/DemoMoodle.class");
    }

    private static List<String> emulatorEntries(Path archive) {
        return entries(archive).stream().filter(e -> e.contains(EMULATOR)).toList();
    }

    /** Every entry of the archive, and of each archive inside it as {@code inner.jar!entry}. */
    private static List<String> entries(Path archive) {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive)) {
            collect(in, "", names);
        } catch (IOException e) {
            throw new UncheckedIOException(archive.toString(), e);
        }
        return names;
    }

    private static void collect(InputStream in, String prefix, List<String> names) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            names.add(prefix + entry.getName());
            if (prefix.isEmpty() && (entry.getName().endsWith(".jar") || entry.getName().endsWith(".war"))) {
                collect(zip, entry.getName() + "!", names);
            }
        }
    }
}
