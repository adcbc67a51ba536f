package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.certificate.domain.batch.BatchStatus;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.batch.SigningBatchRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSigningBatchRepository implements SigningBatchRepository {

    @PersistenceContext(unitName = "certificate")
    EntityManager em;

    @Override
    public void add(SigningBatch batch) {
        em.persist(batch);
        em.flush();
    }

    @Override
    public Optional<SigningBatch> find(long id) {
        return Optional.ofNullable(em.find(SigningBatch.class, id));
    }

    @Override
    public Optional<SigningBatch> findForUpdate(long id) {
        return Optional.ofNullable(em.find(SigningBatch.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<SigningBatch> findRunning(String partyKey) {
        return em.createQuery("select b from SigningBatch b where b.partyKey = :party and b.status = :running"
                        + " order by b.id", SigningBatch.class)
                .setParameter("party", partyKey).setParameter("running", BatchStatus.RUNNING).getResultList();
    }
}
