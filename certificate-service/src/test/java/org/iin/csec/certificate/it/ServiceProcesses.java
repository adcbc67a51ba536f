package org.iin.csec.certificate.it;

import org.iin.csec.certificate.signing.TestCredentials;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * certificate-service's WAR on Payara Micro processes that a test class starts itself, outside Arquillian, so that
 * it can run two on one database, kill one with SIGKILL, or start one on another database. Registered as an
 * extension (after the database's): every process it started is stopped after the class, even when a test failed,
 * and then every log those processes wrote is read for secrets, which must not be there.
 */
final class ServiceProcesses implements AfterAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final List<Instance> started = new CopyOnWriteArrayList<>();
    private final Set<String> secrets = new CopyOnWriteArraySet<>(List.of(TestEnvironment.SERVICE_TOKEN,
            TestEnvironment.PASSWORD, TestCredentials.PASSPHRASE));
    private final Thread killOnExit = new Thread(() -> started.forEach(i -> i.process.destroyForcibly()));

    ServiceProcesses() {
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts certificate-service on a free port with the given system-properties file (its database password is
     * added to the secrets the logs must not hold), without waiting for it: see {@link Instance#awaitReady()}.
     */
    Instance start(String name, Path properties) {
        try {
            Path target = TestEnvironment.target();
            Properties settings = new Properties();
            try (Reader in = Files.newBufferedReader(properties)) {
                settings.load(in);
            }
            secret(settings.getProperty("certificate.db.password"));
            deleteLogs(target, "payara-" + name + ".");
            Path root = Files.createTempDirectory(target, "payara-root-" + name + "-");
            Path log = target.resolve("payara-" + name + ".log");
            Path console = target.resolve("payara-" + name + ".out");
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + target,
                    "-jar", target.resolve("payara-micro.jar").toString(),
                    "--nohazelcast", "--nocluster", "--port", String.valueOf(port),
                    "--rootdir", root.toString(),
                    "--systemProperties", properties.toString(),
                    "--logToFile", log.toString(),
                    "--deploy", target.resolve("certificate-service.war") + ":/certificates")
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            Instance instance = new Instance(name, port, builder.start(), root, log, console);
            started.add(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One more value the logs must not hold (a password, a passphrase...). */
    void secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (Instance instance : started) {
            instance.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        List<String> found = new ArrayList<>();
        for (Instance instance : started) {
            found.addAll(secretsIn(instance));
            deleteTree(instance.root);
        }
        if (!found.isEmpty()) {
            throw new AssertionError("Secrets in the service's logs: " + found);
        }
    }

    /** The log Payara Micro wrote (and its rotations), and what the process printed. */
    private List<String> secretsIn(Instance instance) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(instance.log.getParent())) {
            List<Path> logs = new ArrayList<>(files.filter(p -> p.getFileName().toString()
                    .startsWith(instance.log.getFileName().toString())).filter(p -> !p.toString().endsWith(".lck"))
                    .toList());
            logs.add(instance.console);
            for (Path log : logs) {
                // Byte for byte (every secret of the tests is ASCII); a log cut short by SIGKILL reads too.
                String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        found.add(log.getFileName() + " contains " + secret.substring(0, Math.min(4, secret.length()))
                                + "…");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** One Payara Micro running certificate-service at http://127.0.0.1:{port}/certificates. */
    static final class Instance {

        private final String name;
        private final int port;
        private final Process process;
        private final Path root;
        private final Path log;
        private final Path console;

        private Instance(String name, int port, Process process, Path root, Path log, Path console) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.root = root;
            this.log = log;
            this.console = console;
        }

        Api api() {
            try {
                return new Api(new URL("http://127.0.0.1:" + port + "/certificates"));
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Waits until the service answers with its database (GET /api/v1/schema), or fails if it stopped. */
        Instance awaitReady() {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest schema = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/certificates/api/v1/schema")).timeout(Duration.ofSeconds(10)).build();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro '" + name + "' stopped (exit " + process.exitValue()
                            + "); see " + log + " and " + console);
                }
                try {
                    if (http.send(schema, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return this;
                    }
                } catch (IOException notYet) {
                    // Still starting.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                pause(250);
            }
            throw new IllegalStateException("Payara Micro '" + name + "' was not ready within " + START_TIMEOUT
                    + "; see " + log);
        }

        /** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
        void kill() {
            process.destroyForcibly();
            awaitExit(30);
        }

        /** An orderly stop (SIGTERM), forced if it takes more than 30 s. Nothing is left running. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            if (!awaitExit(30)) {
                process.destroyForcibly();
                awaitExit(30);
            }
        }

        boolean isAlive() {
            return process.isAlive();
        }

        long pid() {
            return process.pid();
        }

        private boolean awaitExit(int seconds) {
            try {
                return process.waitFor(seconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static void deleteLogs(Path target, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // Only build output is left behind.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
