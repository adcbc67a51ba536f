package org.iin.csec.certificate.application;

import jakarta.persistence.PersistenceException;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.domain.batch.BatchStatus;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's runner when the database fails under it: the batch record here is a real {@link SigningBatch}, the
 * database a stand-in that fails when told to, before or after "committing".
 */
class BatchRunnerTest {

    private static final Party IIN = Party.iin();
    private static final Instant T0 = Instant.parse("2027-06-21T09:00:00Z");

    /** The batch record and the certificates signed, as the database would hold them. */
    private final SigningBatch batch = new SigningBatch(IIN, "2027-1", "leader", 4, T0,
            T0.plus(CertificateSigning.BATCH_LEASE));
    /** The record's version, as JPA would count its changes. */
    private long version = 1;
    private final Set<Long> signed = new TreeSet<>();
    private final Map<Long, Integer> tries = new HashMap<>();
    /** Per certificate, what its next tries do: COMMIT_THEN_LOSE_ANSWER, UNREACHABLE, FULL, REFUSED, or sign. */
    private final Map<Long, List<String>> script = new HashMap<>();
    private int completions;
    private Instant now = T0;

    private final BatchSigning runner = runner();

    @Test
    void aLostAnswerAndAShortOutageOnlyPauseTheBatchAndNothingIsCountedTwice() {
        // 2: signed and committed, but the answer is lost with the connection; 3: the database is away twice.
        script.put(2L, new ArrayList<>(List.of("COMMIT_THEN_LOSE_ANSWER")));
        script.put(3L, new ArrayList<>(List.of("UNREACHABLE", "UNREACHABLE")));

        run(1L, 2L, 3L, 4L);

        assertThat(signed).containsExactly(1L, 2L, 3L, 4L);
        assertThat(tries).containsEntry(2L, 2).containsEntry(3L, 3);
        assertThat(batch.done()).as("each certificate counted once").isEqualTo(4);
        assertThat(batch.failed()).isZero();
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(completions).isEqualTo(1);
    }

    @Test
    void aCertificateRefusedForItsOwnReasonOrForAFullDiskIsRecordedAsFailedAndTheBatchGoesOn() {
        script.put(2L, new ArrayList<>(List.of("REFUSED")));
        script.put(3L, new ArrayList<>(List.of("FULL")));

        run(1L, 2L, 3L, 4L);

        assertThat(signed).containsExactly(1L, 4L);
        assertThat(tries).containsEntry(3L, 1);
        assertThat(batch.done()).isEqualTo(2);
        assertThat(batch.failed()).isEqualTo(2);
        assertThat(batch.failures()).containsExactly("#2: Certificate #2 was revoked meanwhile",
                "#3: The certificate store is full, so this signature could not be saved; the certificate is"
                        + " unchanged. An administrator must free disk space; then post the batch again.");
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void anOutageLongerThanTheLeaseStopsTheRunnerAndLeavesTheBatchToBeResumed() {
        script.put(2L, new ArrayList<>(List.of("UNREACHABLE", "UNREACHABLE", "UNREACHABLE", "UNREACHABLE")));
        // Each try costs 20 s of the 60 s lease (as a slow failing connection would).
        runner.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };

        run(1L, 2L, 3L);

        assertThat(signed).containsExactly(1L);
        assertThat(tries.get(2L)).as("tries while the lease held").isBetween(2, 3);
        assertThat(batch.done()).isEqualTo(1);
        assertThat(batch.status()).isEqualTo(BatchStatus.RUNNING);
        assertThat(completions).isZero();
        assertThat(batch.isInterrupted(batch.leaseUntil().plusMillis(1))).as("resumable once its lease ends").isTrue();
    }

    private void run(Long... ids) {
        TestCredentials key = TestCredentials.courseLeader();
        SigningCredential credential = SigningCredential.fromPkcs12(key.pkcs12(),
                TestCredentials.PASSPHRASE.toCharArray());
        runner.run(1L, List.of(ids), IIN, credential, "leader", batch.leaseUntil(), version);
    }

    private BatchSigning runner() {
        BatchSigning batchSigning = new BatchSigning();
        batchSigning.databasePause = Duration.ofMillis(1);
        batchSigning.clock = Clock.fixed(T0, ZoneOffset.UTC);
        batchSigning.signing = new CertificateSigning() {
            @Override
            public BatchStep signInBatch(long batchId, long certificateId, Party party, SigningCredential credential,
                                         String actor, long heldVersion) {
                String next = nextTry(certificateId);
                if (next.equals("UNREACHABLE")) {
                    throw unreachable();
                }
                if (next.equals("FULL")) {
                    throw new PersistenceException(new SQLException("The table 'certificate_file' is full", "HY000",
                            1114));
                }
                if (next.equals("REFUSED")) {
                    throw new IllegalStateException("Certificate #" + certificateId + " was revoked meanwhile");
                }
                if (heldVersion != version) {
                    return new BatchStep(version, batch.leaseUntil(), false);
                }
                signed.add(certificateId);
                Instant lease = tick().plus(CertificateSigning.BATCH_LEASE);
                batch.signedOne(now, lease);
                version++;
                if (next.equals("COMMIT_THEN_LOSE_ANSWER")) {
                    throw unreachable();
                }
                return new BatchStep(version, lease, true);
            }

            @Override
            public BatchStep batchFailure(long batchId, long certificateId, String reason, long heldVersion) {
                if (heldVersion != version) {
                    return new BatchStep(version, batch.leaseUntil(), false);
                }
                Instant lease = tick().plus(CertificateSigning.BATCH_LEASE);
                batch.failedOne("#" + certificateId, reason, now, lease);
                version++;
                return new BatchStep(version, lease, true);
            }
        };
        batchSigning.records = new BatchRecords() {
            @Override
            public CertificateSigning.BatchStep complete(long batchId, long heldVersion) {
                if (heldVersion != version) {
                    return new CertificateSigning.BatchStep(version, batch.leaseUntil(), false);
                }
                completions++;
                batch.complete(tick());
                version++;
                return new CertificateSigning.BatchStep(version, null, true);
            }
        };
        return batchSigning;
    }

    private String nextTry(long certificateId) {
        tries.merge(certificateId, 1, Integer::sum);
        List<String> next = script.getOrDefault(certificateId, new ArrayList<>());
        String what = next.isEmpty() ? "SIGN" : next.remove(0);
        if (what.equals("UNREACHABLE")) {
            now = now.plusSeconds(20);
        }
        return what;
    }

    private Instant tick() {
        now = now.plusMillis(150);
        return now;
    }

    private static RuntimeException unreachable() {
        return new PersistenceException(new SQLException("Communications link failure", "08S01", 0));
    }
}
