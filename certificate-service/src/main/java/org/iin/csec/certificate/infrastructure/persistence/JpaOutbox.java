package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.iin.csec.certificate.domain.outbox.Outbox;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.certificate.domain.outbox.WorkStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaOutbox implements Outbox {

    @PersistenceContext(unitName = "certificate")
    EntityManager em;

    @Override
    public void add(OutboxItem item) {
        em.persist(item);
    }

    @Override
    public Optional<OutboxItem> find(long id) {
        return Optional.ofNullable(em.find(OutboxItem.class, id));
    }

    /**
     * Picks due candidates, then takes them with one conditional UPDATE: a row another instance leased in the
     * meantime no longer matches, so it is skipped (the row lock makes the second UPDATE re-check the row).
     * Each call has its own token, so it returns exactly what it took.
     */
    @Override
    public List<OutboxItem> claim(WorkKind kind, String owner, int limit, Instant now, Instant leaseUntil) {
        List<Long> candidates = em.createQuery("select o.id from OutboxItem o where o.kind = :kind"
                        + " and o.status = :pending and o.nextAttemptAt <= :now"
                        + " and (o.claimedUntil is null or o.claimedUntil < :now) order by o.id", Long.class)
                .setParameter("kind", kind).setParameter("pending", WorkStatus.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        String token = owner + "/" + UUID.randomUUID();
        em.createQuery("update OutboxItem o set o.claimedBy = :token, o.claimedUntil = :until"
                        + " where o.id in :ids and o.status = :pending"
                        + " and (o.claimedUntil is null or o.claimedUntil < :now)")
                .setParameter("token", token).setParameter("until", leaseUntil).setParameter("ids", candidates)
                .setParameter("pending", WorkStatus.PENDING).setParameter("now", now)
                .executeUpdate();
        return em.createQuery("select o from OutboxItem o where o.claimedBy = :token order by o.id", OutboxItem.class)
                .setParameter("token", token).getResultList();
    }

    @Override
    public List<OutboxItem> find(WorkStatus status, int limit) {
        TypedQuery<OutboxItem> query = em.createQuery(status == null
                ? "select o from OutboxItem o order by o.id desc"
                : "select o from OutboxItem o where o.status = :status order by o.id desc", OutboxItem.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public List<OutboxItem> findFor(long certificateId) {
        return em.createQuery("select o from OutboxItem o where o.certificateId = :certificate order by o.id",
                        OutboxItem.class)
                .setParameter("certificate", certificateId).getResultList();
    }

    @Override
    public long count(WorkStatus status) {
        return em.createQuery("select count(o) from OutboxItem o where o.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
    }
}
