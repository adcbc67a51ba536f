package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.course.domain.account.SignInSession;
import org.iin.csec.course.domain.account.SignInSessionRepository;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaSignInSessionRepository implements SignInSessionRepository {

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Override
    public Optional<SignInSession> find(String tokenHash) {
        return Optional.ofNullable(em.find(SignInSession.class, tokenHash));
    }

    @Override
    public void add(SignInSession session) {
        em.persist(session);
    }

    @Override
    public void remove(String tokenHash) {
        em.createQuery("delete from SignInSession s where s.tokenHash = :hash")
                .setParameter("hash", tokenHash).executeUpdate();
    }

    @Override
    public int removeEnded(Instant now) {
        return em.createQuery("delete from SignInSession s where s.lastSeenAt < :idle or s.createdAt < :life")
                .setParameter("idle", now.minus(SignInSession.IDLE))
                .setParameter("life", now.minus(SignInSession.LIFETIME))
                .executeUpdate();
    }
}
