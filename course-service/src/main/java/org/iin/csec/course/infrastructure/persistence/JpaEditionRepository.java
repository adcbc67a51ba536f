package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.edition.EditionRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaEditionRepository implements EditionRepository {

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Override
    public Optional<Edition> findByCode(String code) {
        return em.createQuery("select e from Edition e where e.code = :code", Edition.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public List<Edition> findAll() {
        return em.createQuery("select e from Edition e order by e.onlineStageStart desc, e.code", Edition.class)
                .getResultList();
    }

    @Override
    public void add(Edition edition) {
        em.persist(edition);
        em.flush();
    }
}
