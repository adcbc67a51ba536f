package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.iin.csec.certificate.domain.Certificates;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.PartySignature;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.certificate.SigningMethod;
import org.iin.csec.certificate.domain.certificate.VerificationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.certificate.domain.certificate.SignerRole.IIN;
import static org.iin.csec.certificate.domain.certificate.SignerRole.STATE;

/**
 * A certificate as JPA stores it in the migrated schema (H2 in MySQL mode, as the embedded default): its verification
 * code and its two signatures, each in its own columns, and the repository's queries over them.
 */
class CertificateMappingTest {

    private static final String URL = "jdbc:h2:mem:certificate-mapping;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    private static final Instant SIGNED = Instant.parse("2027-06-21T10:00:00Z");

    private static EntityManagerFactory database;

    @BeforeAll
    static void migrate() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(URL);
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/certificate").load().migrate();
        database = Persistence.createEntityManagerFactory("certificate-test",
                Map.of("jakarta.persistence.jdbc.url", URL, "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theCodeAndEachPartysSignatureAreReadBackAndTheBatchQueriesFindWhoAwaitsWhom() {
        Certificate certificate = Certificates.issued("2027-1/AR/0001", "7K3M-Q9TX-2FHD-8WNA");
        inTransaction(em -> em.persist(certificate));
        long id = certificate.id();
        assertThat(awaiting(IIN)).containsExactly(id);
        assertThat(awaiting(STATE)).containsExactly(id);

        inTransaction(em -> em.find(Certificate.class, id).recordSignature(IIN, "leader", SigningMethod.SERVER, SIGNED,
                false));

        assertThat(awaiting(IIN)).isEmpty();
        assertThat(awaiting(STATE)).containsExactly(id);
        EntityManager em = database.createEntityManager();
        try {
            JpaCertificateRepository repository = new JpaCertificateRepository();
            repository.em = em;
            Certificate read = repository.findByVerificationCode(VerificationCode.parse("7k3m q9tx 2fhd 8wna"))
                    .orElseThrow();
            assertThat(read.id()).isEqualTo(id);
            assertThat(read.verificationCode()).isEqualTo(VerificationCode.parse("7K3M-Q9TX-2FHD-8WNA"));
            assertThat(read.signature(IIN)).map(PartySignature::signedBy).contains("leader");
            assertThat(read.signature(IIN)).map(PartySignature::method).contains(SigningMethod.SERVER);
            assertThat(read.signature(IIN)).map(PartySignature::signedAt).contains(SIGNED);
            assertThat(read.signature(STATE)).isEmpty();
        } finally {
            em.close();
        }
    }

    private static List<Long> awaiting(SignerRole party) {
        EntityManager em = database.createEntityManager();
        try {
            JpaCertificateRepository repository = new JpaCertificateRepository();
            repository.em = em;
            return repository.awaitingSignature(party, "AR", "2027-1");
        } finally {
            em.close();
        }
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = database.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }
}
