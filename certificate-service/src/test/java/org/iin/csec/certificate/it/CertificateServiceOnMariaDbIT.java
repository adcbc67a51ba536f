package org.iin.csec.certificate.it;

import jakarta.json.JsonObject;
import org.iin.csec.certificate.infrastructure.signing.SignatureVerifier;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.certificate.it.Api.expect;
import static org.iin.csec.certificate.it.Api.handOff;
import static org.iin.csec.certificate.it.Api.signing;
import static org.iin.csec.certificate.it.TestEnvironment.LEADER;
import static org.iin.csec.certificate.it.TestEnvironment.SERVICE_TOKEN;
import static org.iin.csec.certificate.it.TestEnvironment.SIGN_PE;

/**
 * certificate-service on MariaDB through MySQL Connector/J, as in production: hand-offs racing each other still make
 * one certificate per participant and numbers without gaps or repeats; certificates are signed (one by one and in
 * batches), delivered, and stored as the API says.
 */
@ExtendWith(MariaDbDatabase.class)
@ExtendWith(ArquillianExtension.class)
class CertificateServiceOnMariaDbIT {

    private static final String PASSPHRASE = TestCredentials.PASSPHRASE;
    private static final TestCredentials IIN_KEY = TestCredentials.courseLeader();
    private static final TestCredentials PE_KEY = TestCredentials.create("Rosa Quispe", "MIMP");
    private static boolean prepared;

    @ArquillianResource
    URL deployment;

    private Api api;

    @Deployment(testable = false)
    @TargetsContainer("mariadb")
    static WebArchive deployment() {
        return Deployments.certificateService();
    }

    @BeforeEach
    void registerSignatoriesOnce() {
        api = new Api(deployment);
        if (!prepared) {
            expect(200, api.put(LEADER, "/signatories/iin", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
            expect(200, api.put(SIGN_PE, "/signatories/pe", signing(PE_KEY.pkcs12(), PASSPHRASE)));
            prepared = true;
        }
    }

    @Test
    void tenIdenticalHandOffsAtOnceMakeOneCertificate() throws Exception {
        String body = handOff(900, "DB-RACE", "PE", "Único", "Participante", "unico@example.org");

        List<Api.Reply> replies = concurrently(10, i -> api.service(SERVICE_TOKEN, "/issuance", body));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).extracting(r -> r.json().getJsonNumber("certificateId").longValue()).containsOnly(
                replies.get(0).json().getJsonNumber("certificateId").longValue());
        assertThat(countInDatabase("SELECT COUNT(*) FROM certificate WHERE edition_code = 'DB-RACE'")).isEqualTo(1);
    }

    @Test
    void concurrentHandOffsNumberEachStatesCertificatesWithoutGapsOrRepeats() throws Exception {
        List<Api.Reply> replies = concurrently(16, i -> api.service(SERVICE_TOKEN, "/issuance",
                handOff(1000 + i, "DB-NUMBERS", "PE", "Persona" + i, "Concurrente", "p" + i + "@example.org")));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(replies).extracting(r -> r.json().getString("number")).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 16).mapToObj(n -> String.format("DB-NUMBERS/PE/%04d", n)).toList());
        assertThat(countInDatabase("SELECT last_value FROM number_sequence WHERE sequence_key = 'DB-NUMBERS/PE'"))
                .isEqualTo(16);
    }

    @Test
    void certificatesAreSignedDeliveredAndStoredAsTheApiSays() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(expect(201, api.service(SERVICE_TOKEN, "/issuance", handOff(2000 + i, "DB-SIGN", "PE",
                    "Firmante" + i, "Pérez", "firma" + i + "@example.org"))).json().getJsonNumber("certificateId").longValue());
        }
        long first = ids.get(0);
        // One by one on the server for the first, the state first; batches for the rest, the IIN first.
        expect(200, api.post(SIGN_PE, "/certificates/" + first + "/signatures", signing(PE_KEY.pkcs12(), PASSPHRASE)));
        expect(200, api.post(LEADER, "/certificates/" + first + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
        awaitBatch(LEADER, IIN_KEY);
        awaitBatch(SIGN_PE, PE_KEY);

        await("all delivered", Duration.ofSeconds(60), Duration.ofMillis(200)).until(() -> ids.stream().allMatch(id ->
                expect(200, api.get(LEADER, "/certificates/" + id)).json().getString("status").equals("DELIVERED")));
        await("5 notices", Duration.ofSeconds(60), Duration.ofMillis(200))
                .until(() -> TestEnvironment.courseService().notices().stream()
                .filter(n -> n.answeredWith() == 200 && n.body().contains("DB-SIGN")).count() == 5);

        try (Connection db = MariaDbDatabase.connect();
             PreparedStatement sql = db.prepareStatement("SELECT c.status, c.live, c.iin_signed_by, c.state_signed_by,"
                     + " LENGTH(f.prepared_pdf), LENGTH(f.current_pdf), f.current_pdf FROM certificate c"
                     + " JOIN certificate_file f ON f.certificate_id = c.id WHERE c.id = ?")) {
            sql.setLong(1, first);
            try (ResultSet row = sql.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("DELIVERED");
                assertThat(row.getBoolean(2)).isTrue();
                assertThat(row.getString(3)).isEqualTo(LEADER);
                assertThat(row.getString(4)).isEqualTo(SIGN_PE);
                assertThat(row.getLong(6)).isGreaterThan(row.getLong(5));
                assertThat(new SignatureVerifier().verify(row.getBytes(7)).isFullySigned()).isTrue();
            }
        }
        // Five e-mails and five notices; a notice is marked done just after course-service answered it.
        await("10 outbox items done", Duration.ofSeconds(60), Duration.ofMillis(200)).until(() -> countDone() == 10);
        assertThat(countDone()).isEqualTo(10);
        assertThat(countInDatabase("SELECT COUNT(*) FROM audit_entry WHERE edition_code = 'DB-SIGN'"
                + " AND action = 'certificate.delivered'")).isEqualTo(5);
        assertThat(countInDatabase("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                + MariaDbDatabase.DATABASE + "' AND table_name = 'signing_batch'")).isEqualTo(1);

        String code = expect(200, api.get(LEADER, "/certificates/" + first)).json().getString("verificationCode");
        JsonObject verification = expect(200, api.get(null, "/verify/" + code)).json();
        assertThat(verification.getString("status")).isEqualTo("VALID");
        assertThat(expect(200, api.get(null, "/schema")).json().getString("database")).isEqualTo("MySQL");
    }

    private void awaitBatch(String user, TestCredentials key) {
        String body = "{\"pkcs12\":\"" + Base64.getEncoder().encodeToString(key.pkcs12()) + "\",\"passphrase\":\""
                + PASSPHRASE + "\",\"edition\":\"DB-SIGN\"}";
        int id = expect(202, api.post(user, "/certificates/signatures", body)).json().getInt("id");
        await("batch " + id, Duration.ofSeconds(60), Duration.ofMillis(200))
                .until(() -> expect(200, api.get(user, "/signing-batches/" + id)).json().getString("status")
                        .equals("COMPLETED"));
        JsonObject batch = expect(200, api.get(user, "/signing-batches/" + id)).json();
        assertThat(batch.getInt("done")).isEqualTo(batch.getInt("total")).isEqualTo(4);
        assertThat(batch.getInt("failed")).isZero();
    }

    private static List<Api.Reply> concurrently(int count, IntFunction<Api.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<Api.Reply> task = () -> {
                    start.await();
                    return call.apply(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long countInDatabase(String query) throws SQLException {
        try (Connection db = MariaDbDatabase.connect(); ResultSet row = db.createStatement().executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long countDone() {
        try {
            return countInDatabase("SELECT COUNT(*) FROM outbox_item o JOIN certificate c ON c.id = o.certificate_id"
                    + " WHERE c.edition_code = 'DB-SIGN' AND o.status = 'DONE'");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
