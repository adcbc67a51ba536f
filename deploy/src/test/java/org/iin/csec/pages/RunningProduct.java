package org.iin.csec.pages;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
 * The product, started once for all page tests exactly as README's command starts it ({@code deploy/run-demo.sh},
 * with the build it already made): both services, the demo edition, the emulated Moodle, a fresh embedded
 * database under target/. Stopped, with every process it started, when the tests end.
 */
public final class RunningProduct implements BeforeAllCallback {

    public static final String PASSWORD = "demo-password-2027";

    private static Product product;

    @Override
    public void beforeAll(ExtensionContext context) {
        product = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Product.class, k -> Product.start(), Product.class);
    }

    /** http://127.0.0.1:port, where /course and /certificates are served. */
    public static String baseUrl() {
        return "http://127.0.0.1:" + product.port;
    }

    public static Path buildDirectory() {
        return Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
    }

    static final class Product implements AutoCloseable {

        private final Process script;
        private final int port;

        private Product(Process script, int port) {
            this.script = script;
            this.port = port;
        }

        static Product start() {
            try {
                Path target = buildDirectory();
                Path data = target.resolve("pages-data");
                deleteTree(data);
                int port = freePort();
                ProcessBuilder builder = new ProcessBuilder("bash", "run-demo.sh")
                        .directory(target.getParent().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(target.resolve("pages-demo.log").toFile());
                builder.environment().put("SKIP_BUILD", "1");
                builder.environment().put("PORT", String.valueOf(port));
                builder.environment().put("CSEC_DATA_DIR", data.toString());
                Product product = new Product(builder.start(), port);
                product.awaitReady();
                return product;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void awaitReady() {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                if (!script.isAlive()) {
                    throw new IllegalStateException("deploy/run-demo.sh stopped; see target/pages-demo.log");
                }
                try {
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    // Both services deployed: readiness lists only the checks of the applications deployed so far.
                    if (ready.statusCode() == 200 && ready.body().contains("course-database")
                            && ready.body().contains("certificate-database")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Still starting.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                sleep(500);
            }
            close();
            throw new IllegalStateException("The product was not ready within 180 s; see target/pages-demo.log");
        }

        /** Stops Payara Micro (the script's child) first, then the script; nothing is left running. */
        @Override
        public void close() {
            script.descendants().forEach(ProcessHandle::destroy);
            script.destroy();
            try {
                if (!script.waitFor(30, TimeUnit.SECONDS)) {
                    script.descendants().forEach(ProcessHandle::destroyForcibly);
                    script.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            script.descendants().forEach(ProcessHandle::destroyForcibly);
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private static void deleteTree(Path root) throws IOException {
            if (Files.exists(root)) {
                try (Stream<Path> paths = Files.walk(root)) {
                    paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
