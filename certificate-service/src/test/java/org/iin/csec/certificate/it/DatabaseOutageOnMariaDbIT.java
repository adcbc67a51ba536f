package org.iin.csec.certificate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.certificate.it.Api.expect;
import static org.iin.csec.certificate.it.Api.handOff;
import static org.iin.csec.certificate.it.Api.signing;
import static org.iin.csec.certificate.it.TestEnvironment.LEADER;
import static org.iin.csec.certificate.it.TestEnvironment.SERVICE_TOKEN;

/**
 * certificate-service's database goes away in the middle of the IIN's batch signing and comes back, on MariaDB,
 * without stopping the shared server: root locks the service's own database user ({@code ACCOUNT LOCK}) and kills
 * its connections, and unlocks it 15 s later. One Payara Micro process, never restarted.
 * <ul>
 *     <li>Meanwhile every request that needs the database (the batch's progress, the list, a PDF, signing one,
 *     posting "sign all" again, the public verification, course-service's hand-off) answers 503 with Retry-After and
 *     a problem document that shows nothing of the service's insides: never 500, never 401.</li>
 *     <li>Nothing is half-signed: at the outage and at the end, every certificate is as issued or carries one whole,
 *     valid IIN signature, and the batch's record counts exactly the certificates signed.</li>
 *     <li>The batch only pauses: once the database answers it signs the rest by itself. In the end every certificate
 *     holds exactly one IIN signature with one audit entry, and the batch says all were signed, none failed.</li>
 *     <li>The hand-off refused during the outage succeeds when course-service's outbox sends it again, with the next
 *     number: the refused one took none.</li>
 * </ul>
 */
@ExtendWith(MariaDbDatabase.class)
class DatabaseOutageOnMariaDbIT {

    private static final String EDITION = "DBOUT-2027";
    private static final int CERTIFICATES = 50;
    /** The outage begins once the batch reported this many signed, well before its end. */
    private static final int OUTAGE_AFTER = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final long LATE_PARTICIPANT = 9999;
    private static final TestCredentials IIN_KEY = TestCredentials.courseLeader();
    private static final String PASSPHRASE = TestCredentials.PASSPHRASE;

    @RegisterExtension
    static final ServiceProcesses PROCESSES = new ServiceProcesses();

    private static ServiceProcesses.Instance service;
    private static String databaseUser;
    private static Duration startup;

    private final StoredCertificates stored = new StoredCertificates(IIN_KEY);

    @BeforeAll
    static void startOneInstance() throws IOException {
        Path properties = TestEnvironment.target().resolve("it-mariadb.properties");
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(properties)) {
            settings.load(in);
        }
        databaseUser = settings.getProperty("certificate.db.user");
        Instant started = Instant.now();
        service = PROCESSES.start("db-outage", properties).awaitReady();
        startup = Duration.between(started, Instant.now());
    }

    @Test
    void theDatabaseGoesAwayMidBatchAndComesBackWithNothingHalfSignedLostOrDoubled() throws Exception {
        Api api = service.api();
        Instant setUp = Instant.now();
        expect(200, api.put(LEADER, "/signatories/iin", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
        List<Long> ids = issue(api);
        Map<Long, StoredCertificates.Row> issued = rows();
        assertThat(issued.keySet()).containsExactlyElementsOf(ids);
        issued.values().forEach(stored::assertWhole);
        String aCode = expect(200, api.get(LEADER, "/certificates/" + ids.get(0))).json().getString("verificationCode");
        Duration setUpTook = Duration.between(setUp, Instant.now());

        // The IIN signs all of them in the background; the database goes away once some (not all) are signed.
        JsonObject started = expect(202, api.post(LEADER, "/certificates/signatures", batch())).json();
        long batchId = started.getJsonNumber("id").longValue();
        assertThat(started.getInt("total")).isEqualTo(CERTIFICATES);
        Instant batchStarted = Instant.now();
        int reported = awaitSigned(api, batchId, OUTAGE_AFTER);

        Outage outage = new Outage();
        Map<String, Timed> during = new LinkedHashMap<>();
        Map<Long, StoredCertificates.Row> atOutage;
        Map<String, Object> batchAtOutage;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (Connection root = MariaDbDatabase.connect()) {
            try {
                outage.begin(root);
                // What the outage left: read behind the service's back, which can write nothing now.
                atOutage = rows();
                batchAtOutage = StoredCertificates.batchRow(root, batchId);

                // All at once, as people and course-service would: each waits for the database on its own.
                Map<String, Future<Timed>> sent = new LinkedHashMap<>();
                long unsigned = ids.get(ids.size() - 1);
                String pdf = "/certificates/" + ids.get(0) + "/pdf";
                String signOne = "/certificates/" + unsigned + "/signatures";
                String verify = "/api/v1/verify/" + aCode;
                sent.put("batch progress", send(clients, () -> api.get(LEADER, "/signing-batches/" + batchId)));
                sent.put("certificate list", send(clients, () -> api.get(LEADER, "/certificates?edition=" + EDITION)));
                sent.put("PDF download", send(clients, () -> api.get(LEADER, pdf, "application/pdf")));
                sent.put("sign one", send(clients, () -> api.post(LEADER, signOne,
                        signing(IIN_KEY.pkcs12(), PASSPHRASE))));
                sent.put("sign all again", send(clients, () -> api.post(LEADER, "/certificates/signatures", batch())));
                sent.put("public verification", send(clients, () -> api.page(verify, "application/json", "es")));
                sent.put("hand-off", send(clients, () -> api.service(SERVICE_TOKEN, "/issuance", lateHandOff())));
                for (Map.Entry<String, Future<Timed>> request : sent.entrySet()) {
                    during.put(request.getKey(), request.getValue().get(90, TimeUnit.SECONDS));
                }
                // The outage lasts OUTAGE whatever the requests did: part of the scenario, not a wait for a condition.
                Duration left = Duration.between(Instant.now(), outage.began.plus(OUTAGE));
                ServiceProcesses.pause(Math.max(0, left.toMillis()));
                // The last word before the database comes back: still "try again", still nothing changed.
                during.put("batch progress, at the end",
                        timed(() -> api.get(LEADER, "/signing-batches/" + batchId)).call());
                assertThat(rows()).as("nothing changed during the outage").isEqualTo(atOutage);
            } finally {
                outage.end(root);
            }
        } finally {
            clients.shutdownNow();
        }

        // Back without a restart: the batch goes on by itself and completes.
        await("batch " + batchId + " to complete after the outage", Duration.ofSeconds(90), Duration.ofMillis(200))
                .until(() -> {
                    Api.Reply progress = api.get(LEADER, "/signing-batches/" + batchId);
                    return progress.status() == 200 && progress.json().getString("status").equals("COMPLETED");
                });
        Instant completed = Instant.now();
        // course-service's outbox sends the refused hand-off again: now it is issued, with the next number.
        Api.Reply handedOff = api.service(SERVICE_TOKEN, "/issuance", lateHandOff());

        System.out.printf("[DatabaseOutageOnMariaDbIT] deployed in %d ms; %d certificates issued in %d ms (set-up);"
                        + " batch of %d started, %d reported signed when the database went away %d ms into it (user"
                        + " locked, %d connections killed) for %d ms; the batch completed %d ms after it came back%n",
                startup.toMillis(), CERTIFICATES, setUpTook.toMillis(), CERTIFICATES, reported,
                Duration.between(batchStarted, outage.began).toMillis(), outage.killed,
                Duration.between(outage.began, outage.ended).toMillis(),
                Duration.between(outage.ended, completed).toMillis());
        during.forEach((what, answer) -> System.out.printf("  during the outage, %s: %s%n", what, answer));

        // --- The outage was real and hit the batch in the middle; it left nothing half-signed.
        assertThat(outage.killed).as("service connections killed").isPositive();
        atOutage.values().forEach(stored::assertWhole);
        long signedAtOutage = atOutage.values().stream().filter(StoredCertificates.Row::signed).count();
        assertThat(signedAtOutage).as("signed when the outage began").isGreaterThanOrEqualTo(reported)
                .isLessThan(CERTIFICATES);
        // The batch's record is the truth: what it counts is exactly what is signed.
        assertThat(batchAtOutage).containsEntry("status", "RUNNING").containsEntry("done_count", signedAtOutage)
                .containsEntry("failed_count", 0L);

        // --- Every request during the outage: "try again" (503, Retry-After), a problem document, no internals.
        during.forEach(this::assertTryAgain);

        // --- After: every certificate signed exactly once, whole and valid; the batch says so; the audit agrees.
        JsonObject batch = expect(200, api.get(LEADER, "/signing-batches/" + batchId)).json();
        assertThat(batch.getJsonArray("failures")).as("the batch's failures").isEmpty();
        assertThat(batch.getInt("failed")).isZero();
        assertThat(batch.getInt("done")).isEqualTo(batch.getInt("total")).isEqualTo(CERTIFICATES);
        Map<Long, StoredCertificates.Row> end = rows();
        for (long id : ids) {
            StoredCertificates.Row row = end.get(id);
            stored.assertWhole(row);
            assertThat(row.iinSignedBy()).as(row.number()).isEqualTo(LEADER);
            if (atOutage.get(id).signed()) {
                assertThat(row).as("%s as signed before the outage", row.number()).isEqualTo(atOutage.get(id));
            }
        }
        try (Connection root = MariaDbDatabase.connect()) {
            Map<Long, Long> signatures = StoredCertificates.signatureAuditEntries(root, EDITION);
            assertThat(signatures.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(signatures.values()).as("audit entries per signature").containsOnly(1L);
            assertThat(StoredCertificates.batchAudit(root, batchId))
                    .containsExactly("signing-batch.started", "signing-batch.completed");
        }

        // --- The hand-off refused during the outage was issued when sent again, once, with the next number.
        assertThat(handedOff.status()).as(handedOff.toString()).isEqualTo(201);
        long late = handedOff.json().getJsonNumber("certificateId").longValue();
        StoredCertificates.Row lateRow = end.containsKey(late) ? end.get(late) : rows().get(late);
        assertThat(lateRow).as("the late hand-off's certificate").isNotNull();
        stored.assertWhole(lateRow);
        assertThat(lateRow.number()).isEqualTo(String.format("%s/UY/%04d", EDITION, CERTIFICATES + 1));
        assertThat(rows()).hasSize(CERTIFICATES + 1);
        assertThat(service.isAlive()).isTrue();
    }

    /** A 503 problem document with Retry-After, answered in time, telling nothing of the insides. */
    private void assertTryAgain(String what, Timed answer) {
        assertThat(answer.reply()).as(what + ": " + answer).isNotNull();
        Api.Reply reply = answer.reply();
        assertThat(reply.status()).as(what + ": " + answer).isEqualTo(503);
        assertThat(reply.header("Retry-After")).as(what + ": Retry-After").isNotBlank();
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.took()).as(what + " answered in time").isLessThan(Duration.ofSeconds(30));
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).as(what).isEqualTo(503);
        assertThat(problem.getString("code", "")).as(what).isEqualTo("database-unavailable");
        assertThat(problem.getString("detail", "")).as(what).contains("Try again");
        assertThat(reply.body()).as(what + ": no internals in " + reply.body())
                .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("access denied")
                .doesNotContain(databaseUser).doesNotContain(MariaDbDatabase.DATABASE).doesNotContain("\tat ");
    }

    // --- the outage -------------------------------------------------------------------------------------------

    /** The service's database user locked and its connections killed, as root, on the shared server. */
    private static final class Outage {
        Instant began;
        Instant ended;
        int killed;

        void begin(Connection root) throws SQLException {
            try (Statement sql = root.createStatement()) {
                sql.execute("ALTER USER '" + databaseUser + "'@'127.0.0.1' ACCOUNT LOCK");
                began = Instant.now();
                List<Long> threads = new ArrayList<>();
                try (PreparedStatement query = root.prepareStatement(
                        "select id from information_schema.processlist where user = ?")) {
                    query.setString(1, databaseUser);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            threads.add(rs.getLong(1));
                        }
                    }
                }
                for (long thread : threads) {
                    try {
                        sql.execute("KILL CONNECTION " + thread);
                        killed++;
                    } catch (SQLException alreadyGone) {
                        // Closed between the listing and the kill.
                    }
                }
            }
        }

        void end(Connection root) throws SQLException {
            if (began != null && ended == null) {
                try (Statement sql = root.createStatement()) {
                    sql.execute("ALTER USER '" + databaseUser + "'@'127.0.0.1' ACCOUNT UNLOCK");
                }
                ended = Instant.now();
            }
        }
    }

    /** An answer and how long it took, or the failure to get one. */
    private record Timed(Api.Reply reply, RuntimeException failure, Duration took) {

        @Override
        public String toString() {
            if (reply == null) {
                return "no answer after " + took.toMillis() + " ms: " + failure;
            }
            String body = reply.body().length() > 200 ? reply.body().substring(0, 200) + "…" : reply.body();
            return reply.status() + " (Retry-After " + reply.header("Retry-After") + ") " + reply.contentType()
                    + " in " + took.toMillis() + " ms: " + body.replace('\n', ' ');
        }
    }

    private static Future<Timed> send(ExecutorService clients, Supplier<Api.Reply> request) {
        return clients.submit(timed(request));
    }

    private static Callable<Timed> timed(Supplier<Api.Reply> request) {
        return () -> {
            Instant sent = Instant.now();
            try {
                Api.Reply reply = request.get();
                return new Timed(reply, null, Duration.between(sent, Instant.now()));
            } catch (RuntimeException e) {
                return new Timed(null, e, Duration.between(sent, Instant.now()));
            }
        };
    }

    // --- the course ------------------------------------------------------------------------------------------

    /** course-service hands the edition's certified participants over, four at a time; ids in order. */
    private static List<Long> issue(Api api) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 1; i <= CERTIFICATES; i++) {
                int n = i;
                futures.add(clients.submit(() -> expect(201, api.service(SERVICE_TOKEN, "/issuance",
                        handOff(8000 + n, EDITION, "UY", "Persona" + n, "Caída", "p" + n + "@example.org")))
                        .json().getJsonNumber("certificateId").longValue()));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> future : futures) {
                ids.add(future.get());
            }
            ids.sort(Long::compare);
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    private static String lateHandOff() {
        return handOff(LATE_PARTICIPANT, EDITION, "UY", "Tardía", "Entrega", "tardia@example.org");
    }

    private static String batch() {
        return Json.createObjectBuilder().add("pkcs12", Base64.getEncoder().encodeToString(IIN_KEY.pkcs12()))
                .add("passphrase", PASSPHRASE).add("edition", EDITION).build().toString();
    }

    /** Polls the batch until it reported at least {@code signed}; fails if it finished first. */
    private static int awaitSigned(Api api, long batchId, int signed) {
        return await("batch " + batchId + " to make progress (" + signed + " signed)", Duration.ofSeconds(60),
                Duration.ofMillis(20)).until(() -> {
                    int done = expect(200, api.get(LEADER, "/signing-batches/" + batchId)).json().getInt("done");
                    assertThat(done).as("the batch ended before the outage").isLessThan(CERTIFICATES);
                    return done;
                }, done -> done >= signed);
    }

    private static Map<Long, StoredCertificates.Row> rows() throws SQLException {
        try (Connection root = MariaDbDatabase.connect()) {
            return StoredCertificates.read(root, EDITION);
        }
    }

}
