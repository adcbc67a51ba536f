package org.iin.csec.chassis.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One Payara Micro process started by a test on 127.0.0.1 (a free port, its own root folder and log under target/),
 * running a WAR as an operator runs it: {@code java -jar payara-micro.jar --deploy ...}. Stopped by {@link #close()}
 * (politely, then forcibly), or killed at once by {@link #kill()} (SIGKILL on Linux), and forcibly stopped when
 * the test JVM exits, so nothing is left running whatever happens to the test. Both services' tests start their
 * own processes (several instances, outages, restarts) with it.
 */
public final class PayaraProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final String context;
    private final Path root;
    private final Path preBoot;
    private final Thread reaper;

    private PayaraProcess(String name, Process process, int port, String context, Path root, Path preBoot) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.context = context;
        this.root = root;
        this.preBoot = preBoot;
        this.reaper = new Thread(process::destroyForcibly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code target/payara-micro.jar} with {@code war} at {@code /context}, the given system-properties file,
     * its log in {@code target/<logName>.log*} (console output in {@code target/<logName>.out}). HTTP listens on
     * 127.0.0.1 only.
     */
    public static PayaraProcess start(String name, String logName, Path war, String context, Path systemProperties) {
        Path target = target();
        Path root = target.resolve("root-" + logName);
        Path preBoot = target.resolve("preboot-" + logName + ".asadmin");
        try {
            deleteTree(root);
            Files.writeString(preBoot, "set configs.config.server-config.network-config.network-listeners"
                    + ".network-listener.http-listener.address=127.0.0.1\n");
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + target,
                    "-jar", target.resolve("payara-micro.jar").toString(),
                    "--nohazelcast", "--nocluster", "--prebootcommandfile", preBoot.toString(),
                    "--port", String.valueOf(port),
                    "--deploy", war + ":/" + context,
                    "--systemProperties", systemProperties.toString(),
                    "--logToFile", target.resolve(logName + ".log").toString(),
                    "--rootdir", root.toString()))
                    .directory(target.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(target.resolve(logName + ".out").toFile());
            return new PayaraProcess(name, builder.start(), port, context, root, preBoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro " + name, e);
        }
    }

    /**
     * Waits until the application answers (a request without credentials gets 401: deployed, started, secured).
     * Payara Micro itself says "ready" even when the application failed to start, so its own readiness is not asked.
     */
    public void awaitDeployed(Instant deadline, String probePath) {
        awaitAnswer(deadline, probePath, 401, 200);
    }

    /** Waits until {@code probePath} (under the context) answers one of {@code statuses}; fails if the process stops. */
    public void awaitAnswer(Instant deadline, String probePath, int... statuses) {
        URI probe = URI.create("http://127.0.0.1:" + port + "/" + context + probePath);
        String what = name + " to answer at /" + context + probePath + " (see its log in target/)";
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalStateException(name + " did not answer at /" + context + probePath
                    + " in time; see its log in target/");
        }
        Awaiting.await(what, left, Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue()
                                + "); see its log in target/");
                    }
                    try {
                        int status = HTTP.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET()
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        return IntStream.of(statuses).anyMatch(expected -> expected == status);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where the application answers, as Arquillian would inject it. */
    public URL deployment() {
        try {
            return new URL("http://127.0.0.1:" + port + "/" + context + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no @PreDestroy, no last commit. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** SIGTERM (Payara shuts down in order), then SIGKILL if it takes too long; its root folder is removed. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException exiting) {
                // The JVM is already shutting down: the hook runs anyway.
            }
            try {
                deleteTree(root);
                Files.deleteIfExists(preBoot);
            } catch (IOException | UncheckedIOException ignored) {
                // Only disk space; the next run deletes it first.
            }
        }
    }

    /** Removes the logs an earlier run of a test left under target/, so a log check reads only this run's. */
    public static void deleteLogs(String prefix) throws IOException {
        try (Stream<Path> old = Files.list(target())) {
            for (Path log : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(log);
            }
        }
    }

    /** The module's build folder (Maven's project.build.directory), where Payara, WARs and logs are. */
    public static Path target() {
        return Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (Files.exists(tree)) {
            try (Stream<Path> paths = Files.walk(tree)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
