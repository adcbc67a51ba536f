package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.domain.signatory.SignatoryCertificate;
import org.iin.csec.certificate.domain.signatory.SignatoryRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSignatoryRepository implements SignatoryRepository {

    @PersistenceContext(unitName = "certificate")
    EntityManager em;

    @Override
    public Optional<SignatoryCertificate> find(Party party) {
        return em.createQuery("select s from SignatoryCertificate s where s.partyKey = :party",
                        SignatoryCertificate.class)
                .setParameter("party", party.key()).getResultStream().findFirst();
    }

    @Override
    public Optional<SignatoryCertificate> findForUpdate(Party party) {
        return em.createQuery("select s from SignatoryCertificate s where s.partyKey = :party",
                        SignatoryCertificate.class)
                .setParameter("party", party.key()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    @Override
    public void add(SignatoryCertificate registration) {
        em.persist(registration);
        em.flush();
    }

    @Override
    public List<SignatoryCertificate> findAll() {
        return em.createQuery("select s from SignatoryCertificate s", SignatoryCertificate.class).getResultList()
                .stream()
                .sorted(Comparator.comparing((SignatoryCertificate s) -> !s.partyKey().equals(Party.IIN_KEY))
                        .thenComparing(SignatoryCertificate::partyKey))
                .toList();
    }
}
