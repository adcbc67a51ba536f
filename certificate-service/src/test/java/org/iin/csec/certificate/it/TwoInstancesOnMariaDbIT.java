package org.iin.csec.certificate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.iin.csec.certificate.it.StoredCertificates.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.certificate.it.Api.expect;
import static org.iin.csec.certificate.it.Api.handOff;
import static org.iin.csec.certificate.it.Api.signing;
import static org.iin.csec.certificate.it.TestEnvironment.LEADER;
import static org.iin.csec.certificate.it.TestEnvironment.SERVICE_TOKEN;

/**
 * Two instances of certificate-service (separate Payara Micro processes, A and B) on one MariaDB database. The IIN's
 * batch signing runs on A, which is killed with SIGKILL in the middle of it. What A signed stays signed and valid,
 * nothing is half-written, B refuses a second batch while A's lease holds, and once the lease ran out the batch,
 * posted again on B with the passphrase (never stored), signs only what was left: in the end every certificate
 * holds exactly one valid IIN signature and the batch counts them all.
 */
@ExtendWith(MariaDbDatabase.class)
class TwoInstancesOnMariaDbIT {

    private static final String EDITION = "KILL-2027";
    private static final int CERTIFICATES = 40;
    /** A is killed once it reported at least this many signed, well before the end. */
    private static final int KILL_AFTER = 3;
    private static final String PASSPHRASE = TestCredentials.PASSPHRASE;
    private static final String WRONG_PASSPHRASE = "wrong-" + PASSPHRASE.hashCode() + "-passphrase";
    private static final TestCredentials IIN_KEY = TestCredentials.courseLeader();

    @RegisterExtension
    static final ServiceProcesses PROCESSES = new ServiceProcesses();

    private static ServiceProcesses.Instance a;
    private static ServiceProcesses.Instance b;

    private final StoredCertificates stored = new StoredCertificates(IIN_KEY);

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        PROCESSES.secret(WRONG_PASSPHRASE);
        var properties = TestEnvironment.target().resolve("it-mariadb.properties");
        Instant start = Instant.now();
        a = PROCESSES.start("kill-a", properties);
        b = PROCESSES.start("kill-b", properties);
        a.awaitReady();
        b.awaitReady();
        log("A (pid %d) and B (pid %d) ready in %d s", a.pid(), b.pid(), seconds(start));
    }

    @Test
    void aBatchKilledMidwayOnOneInstanceIsResumedOnTheOtherAndSignsEachCertificateExactlyOnce() throws Exception {
        Api onA = a.api();
        Api onB = b.api();
        expect(200, onA.put(LEADER, "/signatories/iin", signing(IIN_KEY.pkcs12(), PASSPHRASE)));

        // Course-service's hand-offs reach both instances at once: one numbering, without gaps or repeats.
        Instant issuing = Instant.now();
        List<Long> ids = issueThroughBoth(onA, onB);
        log("%d certificates issued through A and B in %d s", ids.size(), seconds(issuing));
        assertThat(numbers(ids)).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, CERTIFICATES)
                .mapToObj(n -> String.format("%s/UY/%04d", EDITION, n)).toList());
        Map<Long, Row> issued = rows(ids);
        issued.values().forEach(stored::assertWhole);
        assertThat(issued.values()).allSatisfy(r -> assertThat(r.iinSignedBy()).isNull());

        // The IIN signs them all on A, in the background; A is killed as soon as some (not all) are signed.
        JsonObject started = expect(202, onA.post(LEADER, "/certificates/signatures", batch(PASSPHRASE))).json();
        long batchId = started.getJsonNumber("id").longValue();
        assertThat(started.getInt("total")).isEqualTo(CERTIFICATES);
        Instant signing = Instant.now();
        int seenOnA = awaitProgress(onA, batchId);
        a.kill();
        Instant killed = Instant.now();
        assertThat(a.isAlive()).isFalse();

        // What A left behind: a prefix of the batch (it signs in id order), each signed one valid, none half-written.
        Map<Long, Row> afterKill = rows(ids);
        List<Long> signedByA = ids.stream().filter(id -> afterKill.get(id).iinSignedBy() != null).toList();
        log("A killed (SIGKILL) %d ms into the batch, having reported %d signed; %d are signed in the database",
                Duration.between(signing, killed).toMillis(), seenOnA, signedByA.size());
        assertThat(signedByA.size()).as("signed before the kill").isGreaterThanOrEqualTo(seenOnA)
                .isLessThan(CERTIFICATES);
        assertThat(signedByA).containsExactlyElementsOf(ids.subList(0, signedByA.size()));
        afterKill.values().forEach(stored::assertWhole);
        for (long id : ids.subList(signedByA.size(), ids.size())) {
            assertThat(afterKill.get(id).current()).as("certificate %d untouched", id)
                    .isEqualTo(issued.get(id).current());
        }
        assertThat(batchRow(batchId)).containsEntry("status", "RUNNING")
                .containsEntry("done_count", (long) signedByA.size()).containsEntry("failed_count", 0L);
        assertThat(signatureAuditEntries()).hasSize(signedByA.size());

        // B sees A's progress, and refuses to start the same batch while A's lease may still be held.
        JsonObject seenOnB = expect(200, onB.get(LEADER, "/signing-batches/" + batchId)).json();
        assertThat(seenOnB.getString("status")).isEqualTo("RUNNING");
        assertThat(seenOnB.getInt("done")).isEqualTo(signedByA.size());
        assertThat(seenOnB.getBoolean("resumable")).isFalse();
        Api.Reply refused = onB.post(LEADER, "/certificates/signatures", batch(PASSPHRASE));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains("batch-running");

        // A's lease (60 s after its last progress) runs out: the batch is INTERRUPTED, to be resumed.
        await("batch " + batchId + " interrupted", Duration.ofSeconds(90), Duration.ofMillis(250))
                .until(() -> expect(200, onB.get(LEADER, "/signing-batches/" + batchId)).json().getString("status")
                        .equals("INTERRUPTED"));
        log("batch INTERRUPTED on B %d s after the kill", seconds(killed));

        // The passphrase was never stored: without it, or with a wrong one, nothing resumes and nothing changes.
        Api.Reply noPassphrase = onB.post(LEADER, "/certificates/signatures", batch(null));
        assertThat(noPassphrase.status()).as(noPassphrase.toString()).isEqualTo(422);
        assertThat(noPassphrase.body()).contains("passphrase-required");
        Api.Reply wrongPassphrase = onB.post(LEADER, "/certificates/signatures", batch(WRONG_PASSPHRASE));
        assertThat(wrongPassphrase.status()).as(wrongPassphrase.toString()).isEqualTo(422);
        assertThat(wrongPassphrase.body()).doesNotContain(WRONG_PASSPHRASE);
        JsonObject stillInterrupted = expect(200, onB.get(LEADER, "/signing-batches/" + batchId)).json();
        assertThat(stillInterrupted.getString("status")).isEqualTo("INTERRUPTED");
        assertThat(stillInterrupted.getInt("done")).isEqualTo(signedByA.size());
        assertThat(rows(ids)).isEqualTo(afterKill);

        // Posted again on B with the passphrase: the same batch resumes with the rest, and completes.
        Instant resuming = Instant.now();
        JsonObject resumed = expect(202, onB.post(LEADER, "/certificates/signatures", batch(PASSPHRASE))).json();
        assertThat(resumed.getJsonNumber("id").longValue()).isEqualTo(batchId);
        assertThat(resumed.getInt("done")).isEqualTo(signedByA.size());
        assertThat(resumed.getInt("total")).isEqualTo(CERTIFICATES);
        await("batch " + batchId + " completed", Duration.ofSeconds(60), Duration.ofMillis(250))
                .until(() -> expect(200, onB.get(LEADER, "/signing-batches/" + batchId)).json().getString("status")
                        .equals("COMPLETED"));
        log("B resumed and signed the other %d in %d s", CERTIFICATES - signedByA.size(), seconds(resuming));
        JsonObject completed = expect(200, onB.get(LEADER, "/signing-batches/" + batchId)).json();
        assertThat(completed.getInt("done")).isEqualTo(completed.getInt("total")).isEqualTo(CERTIFICATES);
        assertThat(completed.getInt("failed")).isZero();
        assertThat(completed.getJsonArray("failures")).isEmpty();

        // Every certificate: exactly one IIN signature, valid; those A signed were not signed again.
        Map<Long, Row> end = rows(ids);
        end.values().forEach(stored::assertWhole);
        assertThat(end.values()).allSatisfy(r -> assertThat(r.iinSignedBy()).as(r.number()).isEqualTo(LEADER));
        for (long id : signedByA) {
            assertThat(end.get(id).current()).as("certificate %d as A left it", id)
                    .isEqualTo(afterKill.get(id).current());
            assertThat(end.get(id).iinSignedAt()).isEqualTo(afterKill.get(id).iinSignedAt());
        }
        Map<Long, Long> signatures = signatureAuditEntries();
        assertThat(signatures.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(signatures.values()).as("signatures per certificate").containsOnly(1L);
        assertThat(batchAudit(batchId)).containsExactly("signing-batch.started", "signing-batch.resumed",
                "signing-batch.completed");

        // And through the API, as a signatory downloads them: one signed by A, one by B, both valid.
        for (long id : List.of(signedByA.get(0), ids.get(ids.size() - 1))) {
            byte[] pdf = expect(200, onB.get(LEADER, "/certificates/" + id + "/pdf", "application/pdf")).bytes();
            assertThat(pdf).isEqualTo(end.get(id).current());
        }
    }

    private static List<Long> issueThroughBoth(Api onA, Api onB) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 1; i <= CERTIFICATES; i++) {
                int n = i;
                Api api = n % 2 == 0 ? onA : onB;
                futures.add(clients.submit(() -> expect(201, api.service(SERVICE_TOKEN, "/issuance",
                        handOff(7000 + n, EDITION, "UY", "Persona" + n, "Interrumpida", "p" + n + "@example.org")))
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

    /** Polls the batch on A until it reported some signed; fails if it finished before A could be killed. */
    private static int awaitProgress(Api onA, long batchId) {
        return await("batch " + batchId + " to make progress on A", Duration.ofSeconds(60), Duration.ofMillis(20))
                .until(() -> {
                    int done = expect(200, onA.get(LEADER, "/signing-batches/" + batchId)).json().getInt("done");
                    assertThat(done).as("the batch ended before A could be killed").isLessThan(CERTIFICATES);
                    return done;
                }, done -> done >= KILL_AFTER);
    }

    private static String batch(String passphrase) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("pkcs12", Base64.getEncoder().encodeToString(IIN_KEY.pkcs12())).add("edition", EDITION);
        if (passphrase != null) {
            body.add("passphrase", passphrase);
        }
        return body.build().toString();
    }

    /** The edition's certificates as stored, which must be exactly these. */
    private static Map<Long, Row> rows(List<Long> ids) throws SQLException {
        try (Connection db = MariaDbDatabase.connect()) {
            Map<Long, Row> rows = StoredCertificates.read(db, EDITION);
            assertThat(rows.keySet()).containsExactlyElementsOf(ids);
            return rows;
        }
    }

    private static List<String> numbers(List<Long> ids) throws SQLException {
        return rows(ids).values().stream().map(Row::number).toList();
    }

    private static Map<String, Object> batchRow(long batchId) throws SQLException {
        try (Connection db = MariaDbDatabase.connect()) {
            return StoredCertificates.batchRow(db, batchId);
        }
    }

    private static Map<Long, Long> signatureAuditEntries() throws SQLException {
        try (Connection db = MariaDbDatabase.connect()) {
            return StoredCertificates.signatureAuditEntries(db, EDITION);
        }
    }

    private static List<String> batchAudit(long batchId) throws SQLException {
        try (Connection db = MariaDbDatabase.connect()) {
            return StoredCertificates.batchAudit(db, batchId);
        }
    }

    private static long seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds();
    }

    private static void log(String format, Object... args) {
        System.out.printf("[TwoInstancesOnMariaDbIT] " + format + "%n", args);
    }
}
