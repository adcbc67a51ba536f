package org.iin.csec.certificate.it;

import jakarta.json.JsonObject;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.infrastructure.signing.SignatureVerifier;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.certificate.it.Api.expect;
import static org.iin.csec.certificate.it.Api.handOff;
import static org.iin.csec.certificate.it.Api.signing;
import static org.iin.csec.certificate.it.TestEnvironment.LEADER;
import static org.iin.csec.certificate.it.TestEnvironment.SERVICE_TOKEN;
import static org.iin.csec.certificate.it.TestEnvironment.SIGN_AR;

/**
 * deploy/README.md's "Backup and restore", exactly as written, on MariaDB: a certificate signed by both parties is
 * backed up with {@code mysqldump --single-transaction --routines} (the PDFs are MEDIUMBLOBs in the schema),
 * restored with {@code mysql} into a new, empty schema (made as mysql/create-databases.sql makes one, with its
 * user's rights only), and a service started on the restored schema verifies it as valid, both signatures intact,
 * serving the very same PDF bytes; and it goes on numbering where the original stopped.
 */
@ExtendWith(MariaDbDatabase.class)
class RestoreOnMariaDbIT {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String EDITION = "BACKUP-2027";
    private static final String PASSPHRASE = TestCredentials.PASSPHRASE;
    private static final TestCredentials IIN_KEY = TestCredentials.courseLeader();
    private static final TestCredentials AR_KEY = TestCredentials.stateSignatory();

    /** The new, empty schema the backup is restored into, and its own user (as create-databases.sql makes them). */
    private static final String RESTORED = MariaDbDatabase.DATABASE + "_restored";
    private static final String RESTORED_USER = "csec_cert_it_r" + HexFormat.of().formatHex(
            TestEnvironment.randomBytes(4));
    private static final String RESTORED_PASSWORD = HexFormat.of().formatHex(TestEnvironment.randomBytes(16));

    @RegisterExtension
    static final ServiceProcesses PROCESSES = new ServiceProcesses();

    private static final List<ServiceProcesses.Instance> INSTANCES = new ArrayList<>();
    private static Path dump;

    @AfterAll
    static void dropTheRestoredSchema() throws Exception {
        INSTANCES.forEach(ServiceProcesses.Instance::stop);
        try (Connection root = DriverManager.getConnection(SERVER + "?useSSL=false", "root", "");
             Statement sql = root.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + RESTORED);
            sql.execute("DROP USER IF EXISTS '" + RESTORED_USER + "'@'127.0.0.1'");
        }
        if (dump != null) {
            Files.deleteIfExists(dump);
        }
        Files.deleteIfExists(TestEnvironment.target().resolve("it-restored.properties"));
    }

    @Test
    void aCertificateSignedByBothPartiesSurvivesBackupAndRestoreByteForByte() throws Exception {
        // Before: one certificate, signed by the IIN and by Argentina, delivered.
        Instant began = Instant.now();
        ServiceProcesses.Instance original = started("backup-original",
                TestEnvironment.target().resolve("it-mariadb.properties"));
        Api before = original.api();
        expect(200, before.put(LEADER, "/signatories/iin", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
        expect(200, before.put(SIGN_AR, "/signatories/ar", signing(AR_KEY.pkcs12(), PASSPHRASE)));
        JsonObject issued = expect(201, before.service(SERVICE_TOKEN, "/issuance",
                handOff(8001, EDITION, "AR", "Inés", "Núñez Gonçalves", "ines@example.org"))).json();
        long id = issued.getJsonNumber("certificateId").longValue();
        expect(200, before.post(LEADER, "/certificates/" + id + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
        expect(200, before.post(SIGN_AR, "/certificates/" + id + "/signatures", signing(AR_KEY.pkcs12(), PASSPHRASE)));
        await("certificate " + id + " delivered", Duration.ofSeconds(60), Duration.ofMillis(250))
                .until(() -> expect(200, before.get(LEADER, "/certificates/" + id)).json().getString("status")
                        .equals("DELIVERED"));
        JsonObject certificate = expect(200, before.get(LEADER, "/certificates/" + id)).json();
        String code = certificate.getString("verificationCode");
        String number = certificate.getString("number");
        byte[] pdfBefore = expect(200, before.get(LEADER, "/certificates/" + id + "/pdf", "application/pdf")).bytes();
        SignatureReport signedBefore = new SignatureVerifier().verify(pdfBefore);
        assertThat(signedBefore.isFullySigned()).isTrue();
        assertThat(signedBefore.signatures()).hasSize(2);
        JsonObject verifiedBefore = expect(200, before.get(null, "/verify/" + code)).json();
        assertThat(verifiedBefore.getBoolean("valid")).isTrue();
        String schemaBefore = expect(200, before.get(null, "/schema")).json().getString("schemaVersion");
        original.stop();

        // Back up exactly as deploy/README.md says (as root, on 127.0.0.1), into a new, empty schema.
        dump = Files.createTempFile(TestEnvironment.target(), "backup-", ".sql");
        run(List.of("mysqldump", "-h", "127.0.0.1", "-u", "root", "--single-transaction", "--routines",
                MariaDbDatabase.DATABASE), null, dump);
        String sql = Files.readString(dump, StandardCharsets.ISO_8859_1);
        assertThat(sql).contains("CREATE TABLE `certificate_file`").contains("INSERT INTO `certificate_file`")
                .doesNotContain("CREATE DATABASE").doesNotContain("USE `");
        createEmptySchemaAsDeployDoes();
        run(List.of("mysql", "-h", "127.0.0.1", "-u", "root", RESTORED), dump, null);
        log("dump of %d KB restored into %s", Files.size(dump) / 1024, RESTORED);
        assertThat(contents(RESTORED)).as("every table, row for row").isEqualTo(contents(MariaDbDatabase.DATABASE));

        // After: a service on the restored schema only.
        ServiceProcesses.Instance restored = started("backup-restored", restoredProperties());
        Api after = restored.api();
        assertThat(expect(200, after.get(null, "/schema")).json())
                .containsEntry("database", jakarta.json.Json.createValue("MySQL"))
                .containsEntry("schemaVersion", jakarta.json.Json.createValue(schemaBefore));

        JsonObject verifiedAfter = expect(200, after.get(null, "/verify/" + code)).json();
        assertThat(verifiedAfter.getBoolean("valid")).isTrue();
        assertThat(verifiedAfter.getString("status")).isEqualTo(verifiedBefore.getString("status"));
        assertThat(verifiedAfter.getString("holder")).isEqualTo("Inés Núñez Gonçalves");
        assertThat(verifiedAfter.getJsonArray("signatures")).hasSize(2).allSatisfy(s -> {
            assertThat(s.asJsonObject().getBoolean("signed")).as(s.toString()).isTrue();
            assertThat(s.asJsonObject().getBoolean("intact")).as(s.toString()).isTrue();
        });
        assertThat(verifiedAfter).as("the same verification as before the backup").isEqualTo(verifiedBefore);

        byte[] pdfAfter = expect(200, after.get(LEADER, "/certificates/" + id + "/pdf", "application/pdf")).bytes();
        assertThat(pdfAfter).as("the PDF, byte for byte").isEqualTo(pdfBefore);
        assertThat(expect(200, after.get(LEADER, "/certificates/" + id)).json()).isEqualTo(certificate);

        // The restored schema goes on where the original stopped: the next certificate takes the next number.
        JsonObject next = expect(201, after.service(SERVICE_TOKEN, "/issuance",
                handOff(8002, EDITION, "AR", "Otra", "Persona", "otra@example.org"))).json();
        assertThat(next.getString("number")).isEqualTo(number.replaceAll("\\d+$", "0002"));
        log("backup and restore checked in %d s", Duration.between(began, Instant.now()).toSeconds());
    }

    private static ServiceProcesses.Instance started(String name, Path properties) {
        ServiceProcesses.Instance instance = PROCESSES.start(name, properties);
        INSTANCES.add(instance);
        Instant start = Instant.now();
        instance.awaitReady();
        log("%s ready in %d s", name, Duration.between(start, Instant.now()).toSeconds());
        return instance;
    }

    /** As deploy/mysql/create-databases.sql: utf8mb4, and a user with rights on that schema only. */
    private static void createEmptySchemaAsDeployDoes() throws SQLException {
        try (Connection root = DriverManager.getConnection(SERVER + "?useSSL=false", "root", "");
             Statement sql = root.createStatement()) {
            sql.execute("CREATE DATABASE " + RESTORED + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            sql.execute("CREATE USER '" + RESTORED_USER + "'@'127.0.0.1' IDENTIFIED BY '" + RESTORED_PASSWORD + "'");
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES, LOCK TABLES ON "
                    + RESTORED + ".* TO '" + RESTORED_USER + "'@'127.0.0.1'");
        }
    }

    /** The original run's settings, on the restored schema with its own user. */
    private static Path restoredProperties() throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(TestEnvironment.target().resolve("it-mariadb.properties"))) {
            properties.load(in);
        }
        properties.setProperty("certificate.db.url", SERVER + RESTORED + "?useSSL=false&allowPublicKeyRetrieval=true");
        properties.setProperty("certificate.db.user", RESTORED_USER);
        properties.setProperty("certificate.db.password", RESTORED_PASSWORD);
        Path file = TestEnvironment.target().resolve("it-restored.properties");
        TestEnvironment.write(file, properties);
        return file;
    }

    /** Each table's rows and a checksum of its contents (MariaDB's CHECKSUM TABLE): equal means the same data. */
    private static Map<String, String> contents(String schema) throws SQLException {
        Map<String, String> tables = new LinkedHashMap<>();
        try (Connection root = DriverManager.getConnection(SERVER + schema + "?useSSL=false", "root", "");
             Statement sql = root.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = sql.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = '" + schema + "' ORDER BY table_name")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    count.next();
                    tables.put(table, count.getLong(1) + " rows");
                }
                try (ResultSet checksum = sql.executeQuery("CHECKSUM TABLE `" + table + "`")) {
                    checksum.next();
                    tables.merge(table, ", checksum " + checksum.getString(2), String::concat);
                }
            }
        }
        assertThat(tables).containsKeys("certificate", "certificate_file", "flyway_schema_history");
        return tables;
    }

    /** Runs a MariaDB client program as the README shows it, with {@code < in} or {@code > out}. */
    private static void run(List<String> command, Path in, Path out) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(TestEnvironment.target(), "backup-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            if (in != null) {
                builder.redirectInput(in.toFile());
            }
            if (out != null) {
                builder.redirectOutput(out.toFile());
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within 60 s");
            }
            assertThat(process.exitValue()).as(command.get(0) + ": " + Files.readString(errors)).isZero();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[RestoreOnMariaDbIT] " + format + "%n", args);
    }
}
