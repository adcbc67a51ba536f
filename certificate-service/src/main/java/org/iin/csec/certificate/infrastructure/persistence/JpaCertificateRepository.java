package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateFiles;
import org.iin.csec.certificate.domain.certificate.CertificateNumber;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.certificate.NumberSequence;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaCertificateRepository implements CertificateRepository {

    @PersistenceContext(unitName = "certificate")
    EntityManager em;

    @Inject
    NumberSequenceCreation sequenceCreation;

    /**
     * Flushes pending changes first: a reissue's revocation of the old certificate must reach the database before
     * the new one, or the unique key on (edition, participant, live) would see two live certificates.
     * <p>
     * The files row is inserted empty and then given its files by an UPDATE. On a full disk, MariaDB 10.11 aborts
     * the whole server (all its databases) when it rolls back an INSERT whose BLOBs could not get space, whereas an
     * UPDATE reserves its space first and fails cleanly ("The table ... is full"). See FullDiskOnMariaDbIT.
     */
    @Override
    public void add(Certificate certificate, byte[] preparedPdf) {
        em.flush();
        em.persist(certificate);
        em.flush();
        em.createNativeQuery("INSERT INTO certificate_file (certificate_id, prepared_pdf, current_pdf)"
                        + " VALUES (?1, ?2, ?3)")
                .setParameter(1, certificate.id()).setParameter(2, new byte[0]).setParameter(3, new byte[0])
                .executeUpdate();
        em.createNativeQuery("UPDATE certificate_file SET prepared_pdf = ?1, current_pdf = ?2"
                        + " WHERE certificate_id = ?3")
                .setParameter(1, preparedPdf).setParameter(2, preparedPdf).setParameter(3, certificate.id())
                .executeUpdate();
    }

    @Override
    public Optional<Certificate> find(long id) {
        return Optional.ofNullable(em.find(Certificate.class, id));
    }

    @Override
    public Optional<Certificate> findForUpdate(long id) {
        return Optional.ofNullable(em.find(Certificate.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Certificate> findByVerificationCode(VerificationCode code) {
        return em.createQuery("select c from Certificate c where c.verificationCode = :code", Certificate.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public Optional<Certificate> findLive(String editionCode, long participantId) {
        return em.createQuery("select c from Certificate c where c.editionCode = :edition"
                        + " and c.participantId = :participant and c.live = :live", Certificate.class)
                .setParameter("edition", editionCode).setParameter("participant", participantId)
                .setParameter("live", Boolean.TRUE)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Certificate> findLatest(String editionCode, long participantId) {
        return em.createQuery("select c from Certificate c where c.editionCode = :edition"
                        + " and c.participantId = :participant order by c.id desc", Certificate.class)
                .setParameter("edition", editionCode).setParameter("participant", participantId)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public long count(CertificateStatus status) {
        return em.createQuery("select count(c) from Certificate c where c.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
    }

    @Override
    public List<Certificate> search(Filter filter) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("editionCode", filter.editionCode());
        conditions.put("stateCode", filter.stateCode());
        conditions.put("status", filter.status());
        conditions.put("revocationRequested", filter.revocationRequested());
        StringBuilder jpql = new StringBuilder("select c from Certificate c where 1 = 1");
        conditions.forEach((field, value) -> {
            if (value != null) {
                jpql.append(" and c.").append(field).append(" = :").append(field);
            }
        });
        jpql.append(" order by c.editionCode, c.number");
        TypedQuery<Certificate> query = em.createQuery(jpql.toString(), Certificate.class);
        conditions.forEach((field, value) -> {
            if (value != null) {
                query.setParameter(field, value);
            }
        });
        return query.getResultList();
    }

    @Override
    public List<Long> awaitingSignature(SignerRole party, String stateCode, String editionCode) {
        // The party's signature (an embedded PartySignature) is absent while its columns are empty.
        String signedAt = party == SignerRole.IIN ? "c.iinSignature.signedAt" : "c.stateSignature.signedAt";
        StringBuilder jpql = new StringBuilder("select c.id from Certificate c where c.status = :issued and ")
                .append(signedAt).append(" is null");
        if (stateCode != null) {
            jpql.append(" and c.stateCode = :state");
        }
        if (editionCode != null) {
            jpql.append(" and c.editionCode = :edition");
        }
        jpql.append(" order by c.id");
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class)
                .setParameter("issued", CertificateStatus.ISSUED);
        if (stateCode != null) {
            query.setParameter("state", stateCode);
        }
        if (editionCode != null) {
            query.setParameter("edition", editionCode);
        }
        return query.getResultList();
    }

    @Override
    public CertificateFiles files(long certificateId) {
        CertificateFiles files = em.find(CertificateFiles.class, certificateId);
        if (files == null) {
            throw new IllegalStateException("Certificate " + certificateId + " has no files");
        }
        return files;
    }

    @Override
    public NumberSequence lockSequence(String editionCode, String stateCode) {
        String key = CertificateNumber.sequenceKey(editionCode, stateCode);
        NumberSequence sequence = em.find(NumberSequence.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (sequence != null) {
            return sequence;
        }
        try {
            sequenceCreation.create(editionCode, stateCode);
        } catch (RuntimeException createdMeanwhile) {
            // Another issuance created it first: use theirs.
        }
        sequence = em.find(NumberSequence.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (sequence == null) {
            throw new IllegalStateException("The number sequence " + key + " could not be created");
        }
        return sequence;
    }
}
