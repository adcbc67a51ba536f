package org.iin.csec.certificate.it;

import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.iin.csec.chassis.testing.PayaraProcess;
import org.iin.csec.chassis.testing.SecretsInLogs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

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

    /**
     * Starts certificate-service on a free port with the given system-properties file (its database password is
     * added to the secrets the logs must not hold), without waiting for it: see {@link Instance#awaitReady()}.
     */
    Instance start(String name, Path properties) {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(properties)) {
            settings.load(in);
            PayaraProcess.deleteLogs("payara-" + name + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        secret(settings.getProperty("certificate.db.password"));
        Instance instance = new Instance(name, PayaraProcess.start(name, "payara-" + name,
                TestEnvironment.target().resolve("certificate-service.war"), "certificates", properties));
        started.add(instance);
        return instance;
    }

    /** One more value the logs must not hold (a password, a passphrase...). */
    void secret(String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> found = new ArrayList<>();
        for (Instance instance : started) {
            instance.stop();
            found.addAll(SecretsInLogs.find(SecretsInLogs.logs("payara-" + instance.name + "."), secrets));
        }
        if (!found.isEmpty()) {
            throw new AssertionError("Secrets in the service's logs: " + found);
        }
    }

    /** One Payara Micro running certificate-service at http://127.0.0.1:{port}/certificates. */
    static final class Instance {

        private final String name;
        private final PayaraProcess process;

        private Instance(String name, PayaraProcess process) {
            this.name = name;
            this.process = process;
        }

        Api api() {
            return new Api(process.deployment());
        }

        /** Waits until the service answers with its database (GET /api/v1/schema), or fails if it stopped. */
        Instance awaitReady() {
            process.awaitAnswer(Instant.now().plus(START_TIMEOUT), "/api/v1/schema", 200);
            return this;
        }

        /** SIGKILL: the process ends at once, in the middle of whatever it was doing. */
        void kill() {
            try {
                process.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** An orderly stop (SIGTERM), forced if it takes more than 30 s. Nothing is left running. */
        void stop() {
            process.close();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        long pid() {
            return process.pid();
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
