package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.AgreementRepository;
import org.iin.csec.course.domain.edition.Edition;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAgreementRepository implements AgreementRepository {

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Override
    public Optional<Agreement> find(Edition edition, String stateCode) {
        return em.createQuery("select a from Agreement a where a.edition = :edition and a.stateCode = :state",
                        Agreement.class)
                .setParameter("edition", edition).setParameter("state", stateCode)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Agreement> findForSeatChange(Edition edition, String stateCode) {
        // SELECT ... FOR UPDATE on the agreement row: concurrent seat changes of one state queue here.
        return em.createNamedQuery(Agreement.FOR_SEAT_CHANGE, Agreement.class)
                .setParameter("edition", edition).setParameter("state", stateCode)
                .getResultStream().findFirst();
    }

    @Override
    public List<Agreement> findAll(Edition edition) {
        return em.createQuery("select a from Agreement a where a.edition = :edition order by a.stateCode",
                        Agreement.class)
                .setParameter("edition", edition).getResultList();
    }

    @Override
    public void add(Agreement agreement) {
        em.persist(agreement);
        em.flush();
    }
}
