package org.iin.csec.certificate.it;

import jakarta.json.JsonObject;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.certificate.it.Api.expect;
import static org.iin.csec.certificate.it.Api.handOff;
import static org.iin.csec.certificate.it.Api.signing;
import static org.iin.csec.certificate.it.TestEnvironment.LEADER;
import static org.iin.csec.certificate.it.TestEnvironment.SERVICE_TOKEN;

/**
 * The disk under certificate-service's database fills up. PDFs live in the database, so a full disk is MariaDB
 * refusing to write, for real: the database's folder is on a small tmpfs that a filler file fills to its last
 * 64 KiB (see {@link FullDiskDatabase}). One Payara Micro process, never restarted.
 * <ul>
 *     <li>Signing one certificate and course-service's hand-off are refused, once InnoDB's own spare room in its files
 *     is used up, with 507 and a problem document a signatory's page can show as it is; quickly, and the database
 *     server keeps running (an INSERT of a new certificate's files could abort MariaDB as a whole: the service
 *     writes them with an UPDATE, which fails cleanly).</li>
 *     <li>Nothing is half-written and nothing already signed is lost: every certificate is as issued or whole and
 *     validly signed, the refused ones as they were; reading, downloading and verifying still work.</li>
 *     <li>Once the filler file is deleted, the same signature and the same hand-off succeed, with no restart, and
 *     the hand-off gets the next number: the refused one took none.</li>
 * </ul>
 */
class FullDiskOnMariaDbIT {

    private static final String EDITION = "FULL-2027";
    private static final int ISSUED = 8;
    private static final int SIGNED_BEFORE = 2;
    /** Hand-offs tried on the full disk before giving up on a refusal (InnoDB's spare room takes a few). */
    private static final int MAX_HANDOFFS_ON_FULL_DISK = 40;
    private static final long LEAVE = 64 * 1024;
    private static final TestCredentials IIN_KEY = TestCredentials.courseLeader();
    private static final String PASSPHRASE = TestCredentials.PASSPHRASE;

    @RegisterExtension
    @Order(1)
    static final FullDiskDatabase DATABASE = new FullDiskDatabase();

    /** Registered after the database, so its processes are stopped before the database and the disk go. */
    @RegisterExtension
    @Order(2)
    static final ServiceProcesses PROCESSES = new ServiceProcesses();

    private static ServiceProcesses.Instance service;
    private static Duration startup;

    private final StoredCertificates stored = new StoredCertificates(IIN_KEY);

    @BeforeAll
    static void startOnTheSmallDisk() {
        Instant started = Instant.now();
        service = PROCESSES.start("full-disk", FullDiskDatabase.properties()).awaitReady();
        startup = Duration.between(started, Instant.now());
    }

    @Test
    void aFullDiskRefusesNewWorkClearlyLosesNothingAndTheSameWorkSucceedsOnceSpaceIsFreed() throws Exception {
        Api api = service.api();
        expect(200, api.put(LEADER, "/signatories/iin", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= ISSUED; n++) {
            ids.add(issue(api, n));
        }
        for (long id : ids.subList(0, SIGNED_BEFORE)) {
            expect(200, api.post(LEADER, "/certificates/" + id + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
        }
        Map<Long, StoredCertificates.Row> before = rows();
        before.values().forEach(stored::assertWhole);
        String signedCode = expect(200, api.get(LEADER, "/certificates/" + ids.get(0))).json()
                .getString("verificationCode");

        // The disk fills up: 64 KiB are left.
        long freeBefore = DATABASE.free();
        DATABASE.fill(LEAVE);
        long freeAfterFill = DATABASE.free();
        assertThat(freeAfterFill).as("bytes left on the database's disk").isLessThanOrEqualTo(LEAVE);

        // course-service hands more participants over, until the store refuses (InnoDB's spare room takes some).
        int issuedOnFullDisk = 0;
        Integer refusedHandOff = null;
        Timed handOffRefusal = null;
        List<Long> unsigned = new ArrayList<>(ids.subList(SIGNED_BEFORE, ids.size()));
        for (int n = ISSUED + 1; n <= ISSUED + MAX_HANDOFFS_ON_FULL_DISK; n++) {
            int participant = n;
            Timed answer = timed(() -> api.service(SERVICE_TOKEN, "/issuance", handOffOf(participant)));
            if (answer.reply().status() == 201) {
                issuedOnFullDisk++;
                unsigned.add(answer.reply().json().getJsonNumber("certificateId").longValue());
                continue;
            }
            refusedHandOff = n;
            handOffRefusal = answer;
            break;
        }
        Map<Long, StoredCertificates.Row> beforeSigning = rows();
        // The IIN signs the others one by one, as on the signatory's page, until the store refuses.
        List<Long> signedOnFullDisk = new ArrayList<>();
        Long refusedSignature = null;
        Timed signatureRefusal = null;
        for (long id : unsigned) {
            Timed answer = timed(() -> api.post(LEADER, "/certificates/" + id + "/signatures",
                    signing(IIN_KEY.pkcs12(), PASSPHRASE)));
            if (answer.reply().status() == 200) {
                signedOnFullDisk.add(id);
                continue;
            }
            refusedSignature = id;
            signatureRefusal = answer;
            break;
        }
        boolean serverAliveOnFullDisk = DATABASE.serverIsAlive();
        Map<Long, StoredCertificates.Row> onFullDisk = serverAliveOnFullDisk ? rows() : Map.of();
        Api.Reply download = api.get(LEADER, "/certificates/" + ids.get(0) + "/pdf", "application/pdf");
        Api.Reply verification = api.page("/api/v1/verify/" + signedCode, "application/json", "es");
        Api.Reply refusedAgain = refusedSignature == null ? null : api.post(LEADER, "/certificates/"
                + refusedSignature + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE));

        // The administrator frees the disk; the same work goes through, on the same process.
        DATABASE.freeTheDisk();
        long freeAfterCleanUp = DATABASE.free();
        Instant retried = Instant.now();
        Api.Reply signedAfter = refusedSignature == null ? null : api.post(LEADER, "/certificates/"
                + refusedSignature + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE));
        Api.Reply handedOffAfter = refusedHandOff == null ? null
                : api.service(SERVICE_TOKEN, "/issuance", handOffOf(refusedHandOff));
        Duration retryTook = Duration.between(retried, Instant.now());

        System.out.printf("[FullDiskOnMariaDbIT] deployed in %d ms; disk: %d bytes free before the filler, %d after,"
                        + " %d after deleting it. On the full disk %d signature(s) and %d hand-off(s) still went"
                        + " through (InnoDB's spare room), then:%n  signature refused: %s%n  hand-off refused: %s%n"
                        + "  the same signature and hand-off after the clean-up: %s / %s in %d ms%n",
                startup.toMillis(), freeBefore, freeAfterFill, freeAfterCleanUp, signedOnFullDisk.size(),
                issuedOnFullDisk, signatureRefusal, handOffRefusal, signedAfter == null ? "-" : signedAfter.status(),
                handedOffAfter == null ? "-" : handedOffAfter.status(), retryTook.toMillis());

        // --- The database server survived the full disk, and refused clearly.
        assertThat(serverAliveOnFullDisk).as("MariaDB kept running on the full disk; its log: %s",
                tail(DATABASE)).isTrue();
        assertThat(signatureRefusal).as("a signature refused on the full disk (%d went through first)",
                signedOnFullDisk.size()).isNotNull();
        assertStorageFull("signature on the full disk", signatureRefusal);
        assertThat(refusedAgain).isNotNull();
        assertThat(refusedAgain.status()).as("the same signature again, disk still full: %s", refusedAgain)
                .isEqualTo(507);
        assertThat(handOffRefusal).as("a hand-off refused on the full disk (%d went through first)",
                issuedOnFullDisk).isNotNull();
        assertStorageFull("hand-off on the full disk", handOffRefusal);

        // --- Nothing half-written, nothing lost: what was signed stays signed; the refused ones are as they were.
        assertThat(onFullDisk).hasSize(ISSUED + issuedOnFullDisk);
        onFullDisk.values().forEach(stored::assertWhole);
        for (long id : ids.subList(0, SIGNED_BEFORE)) {
            assertThat(onFullDisk.get(id)).as("signed before the disk filled").isEqualTo(before.get(id));
        }
        for (long id : signedOnFullDisk) {
            assertThat(onFullDisk.get(id).signed()).as("signed on the full disk, before the refusal").isTrue();
        }
        assertThat(onFullDisk.get(refusedSignature)).as("the certificate whose signature was refused")
                .isEqualTo(beforeSigning.get(refusedSignature));
        // Reading is not writing: downloads and the public verification still answer.
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(before.get(ids.get(0)).current());
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        assertThat(verification.json().getString("number")).isEqualTo(before.get(ids.get(0)).number());
        assertThat(verification.json().getString("status")).isEqualTo("AWAITING_SIGNATURES");

        // --- After the clean-up: the same signature and the same hand-off succeed; the hand-off gets the next number.
        assertThat(signedAfter).isNotNull();
        assertThat(signedAfter.status()).as(signedAfter.toString()).isEqualTo(200);
        assertThat(handedOffAfter).isNotNull();
        assertThat(handedOffAfter.status()).as(handedOffAfter.toString()).isEqualTo(201);
        assertThat(handedOffAfter.json().getString("number"))
                .isEqualTo(String.format("%s/UY/%04d", EDITION, ISSUED + issuedOnFullDisk + 1));
        Map<Long, StoredCertificates.Row> end = rows();
        assertThat(end).hasSize(ISSUED + issuedOnFullDisk + 1);
        end.values().forEach(stored::assertWhole);
        for (long id : ids.subList(0, SIGNED_BEFORE)) {
            assertThat(end.get(id)).as("signed before the disk filled, unchanged").isEqualTo(before.get(id));
        }
        assertThat(end.get(refusedSignature).signed()).isTrue();
        try (Connection root = DATABASE.connect()) {
            Map<Long, Long> signatures = StoredCertificates.signatureAuditEntries(root, EDITION);
            assertThat(signatures.values()).as("one audit entry per signature").containsOnly(1L);
            assertThat(signatures).hasSize(SIGNED_BEFORE + signedOnFullDisk.size() + 1);
        }
        assertThat(service.isAlive()).isTrue();
    }

    /** 507 with a problem document a signatory's page can show as it is; quickly; nothing of the insides. */
    private static void assertStorageFull(String what, Timed answer) {
        Api.Reply reply = answer.reply();
        assertThat(reply.status()).as(what + ": " + answer).isEqualTo(507);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.took()).as(what + " answered quickly").isLessThan(Duration.ofSeconds(10));
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(507);
        assertThat(problem.getString("code")).isEqualTo("storage-full");
        assertThat(problem.getString("detail")).as(what).contains("full").contains("nothing was changed")
                .contains("already signed is safe").contains("administrator");
        assertThat(reply.body()).as(what + ": no internals in " + reply.body())
                .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("table").doesNotContain("certificate_file")
                .doesNotContain(FullDiskDatabase.DATABASE);
    }

    private static long issue(Api api, int n) {
        return expect(201, api.service(SERVICE_TOKEN, "/issuance", handOffOf(n))).json()
                .getJsonNumber("certificateId").longValue();
    }

    private static String handOffOf(int n) {
        return handOff(9000 + n, EDITION, "UY", "Persona" + n, "Llena", "full" + n + "@example.org");
    }

    private static Map<Long, StoredCertificates.Row> rows() throws SQLException {
        try (Connection root = DATABASE.connect()) {
            return StoredCertificates.read(root, EDITION);
        }
    }

    private static String tail(FullDiskDatabase database) {
        try {
            String log = Files.readString(database.errorLog(), StandardCharsets.ISO_8859_1);
            return log.substring(Math.max(0, log.length() - 3000));
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** An answer and how long it took. */
    private record Timed(Api.Reply reply, Duration took) {
        @Override
        public String toString() {
            return reply.status() + " " + reply.contentType() + " in " + took.toMillis() + " ms: "
                    + reply.body().replace('\n', ' ');
        }
    }

    private static Timed timed(Supplier<Api.Reply> request) {
        Instant sent = Instant.now();
        Api.Reply reply = request.get();
        return new Timed(reply, Duration.between(sent, Instant.now()));
    }
}
