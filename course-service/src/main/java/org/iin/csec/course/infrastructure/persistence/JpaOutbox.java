package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.domain.outbox.WorkStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaOutbox implements Outbox {

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Override
    public void add(OutboxItem item) {
        em.persist(item);
    }

    /**
     * Picks due candidates, then takes them with one conditional UPDATE: a row another instance leased in the
     * meantime no longer matches, so it is skipped (the row lock makes the second UPDATE re-check the row).
     * Each call has its own token, so it returns exactly what it took. When another instance took every
     * candidate first, it looks again (a few times) rather than stop while work is due.
     */
    @Override
    public List<OutboxItem> claim(WorkKind kind, String owner, int limit, Instant now, Instant leaseUntil) {
        String token = owner + "/" + UUID.randomUUID();
        for (int attempt = 0; attempt < 5; attempt++) {
            List<Long> candidates = em.createQuery("select o.id from OutboxItem o where o.kind = :kind"
                            + " and o.status = :pending and o.nextAttemptAt <= :now"
                            + " and (o.claimedUntil is null or o.claimedUntil < :now) order by o.id", Long.class)
                    .setParameter("kind", kind).setParameter("pending", WorkStatus.PENDING).setParameter("now", now)
                    .setMaxResults(limit).getResultList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            int taken = em.createQuery("update OutboxItem o set o.claimedBy = :token, o.claimedUntil = :until"
                            + " where o.id in :ids and o.status = :pending"
                            + " and (o.claimedUntil is null or o.claimedUntil < :now)")
                    .setParameter("token", token).setParameter("until", leaseUntil).setParameter("ids", candidates)
                    .setParameter("pending", WorkStatus.PENDING).setParameter("now", now)
                    .executeUpdate();
            if (taken > 0) {
                return em.createQuery("select o from OutboxItem o where o.claimedBy = :token order by o.id",
                                OutboxItem.class)
                        .setParameter("token", token).getResultList();
            }
        }
        return List.of();
    }

    @Override
    public List<OutboxItem> find(String editionCode, WorkStatus status) {
        return em.createQuery("select o from OutboxItem o where o.editionCode = :edition and o.status = :status"
                        + " order by o.id", OutboxItem.class)
                .setParameter("edition", editionCode).setParameter("status", status).getResultList();
    }

    @Override
    public List<OutboxItem> findFor(String editionCode, long participantId) {
        return em.createQuery("select o from OutboxItem o where o.editionCode = :edition"
                        + " and o.participantId = :participant order by o.id", OutboxItem.class)
                .setParameter("edition", editionCode).setParameter("participant", participantId).getResultList();
    }

    @Override
    public List<Object[]> countByKindAndStatus(String editionCode) {
        return em.createQuery("select o.kind, o.status, count(o) from OutboxItem o where o.editionCode = :edition"
                        + " group by o.kind, o.status", Object[].class)
                .setParameter("edition", editionCode).getResultList();
    }

    @Override
    public long count(WorkStatus status) {
        return em.createQuery("select count(o) from OutboxItem o where o.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
    }

    @Override
    public int bringForward(String editionCode, Instant now) {
        return em.createQuery("update OutboxItem o set o.nextAttemptAt = :now, o.version = o.version + 1"
                        + " where o.editionCode = :edition and o.status = :pending and o.nextAttemptAt > :now"
                        + " and (o.claimedUntil is null or o.claimedUntil < :now)")
                .setParameter("now", now).setParameter("edition", editionCode)
                .setParameter("pending", WorkStatus.PENDING).executeUpdate();
    }
}
