package org.iin.csec.runtime;

import org.iin.csec.chassis.testing.Awaiting;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Both services on one Payara Micro, started by one of deploy/'s scripts as a process of the tests, its output in
 * a log file. Closing it stops the script and every process under it, so nothing is left running.
 */
public final class ServicesProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServicesProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code command} (which serves on {@code port}) and waits until both services are ready. */
    public static ServicesProcess start(ProcessBuilder command, int port, Path log, Duration readyWithin) {
        try {
            command.redirectErrorStream(true).redirectOutput(log.toFile());
            ServicesProcess services = new ServicesProcess(command.start(), port, log);
            services.awaitReady(readyWithin);
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deploy module's build directory: the runtime/ the scripts start, and the files the tests make. */
    public static Path buildDirectory() {
        return Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
    }

    /** http://127.0.0.1:port, where /course and /certificates are served. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The process the script started, or the script itself once it has become Java ({@code exec}). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Waits until both services answer ready. */
    public void awaitReady(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).build();
        boolean ready = false;
        try {
            Awaiting.await("both services to answer ready; see " + log, within, Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class) // still starting
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The services stopped while starting; see " + log);
                        }
                        try {
                            HttpResponse<String> answer = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                            // Both services deployed: readiness lists only the checks of the applications deployed
                            // so far.
                            return answer.statusCode() == 200 && answer.body().contains("course-database")
                                    && answer.body().contains("certificate-database");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("Interrupted waiting for the services; see " + log, e);
                        }
                    });
            ready = true;
        } finally {
            if (!ready) {
                close(); // whatever stopped the wait, nothing is left running
            }
        }
    }

    /** Stops Payara Micro (the script's child, if the script is still there) first, then the script. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
