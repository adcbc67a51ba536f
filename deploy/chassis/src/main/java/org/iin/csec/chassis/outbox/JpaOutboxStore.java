package org.iin.csec.chassis.outbox;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox's leases in JPA, for a service's outbox entity {@code type}; the service's repository extends it with
 * its own queries.
 */
public abstract class JpaOutboxStore<I extends OutboxWork> implements OutboxStore<I> {

    private final Class<I> type;
    private final String entity;

    @Inject
    protected EntityManager em;

    protected JpaOutboxStore(Class<I> type) {
        this.type = type;
        this.entity = type.getSimpleName();
    }

    @Override
    public void add(I item) {
        em.persist(item);
    }

    @Override
    public Optional<I> find(long id) {
        return Optional.ofNullable(em.find(type, id));
    }

    /**
     * Picks due candidates, then takes them with one conditional UPDATE: a row another instance leased in the
     * meantime no longer matches, so it is skipped (the row lock makes the second UPDATE re-check the row). Each call
     * has its own token, so it returns exactly what it took. When another instance took every candidate first, it
     * looks again (a few times) rather than stop while work is due.
     */
    @Override
    public List<I> claim(Enum<?> kind, String owner, int limit, Instant now, Instant leaseUntil) {
        String token = owner + "/" + UUID.randomUUID();
        for (int attempt = 0; attempt < 5; attempt++) {
            List<Long> candidates = em.createQuery("select o.id from " + entity + " o where o.kind = :kind"
                            + " and o.status = :pending and o.nextAttemptAt <= :now"
                            + " and (o.claimedUntil is null or o.claimedUntil < :now) order by o.id", Long.class)
                    .setParameter("kind", kind).setParameter("pending", WorkStatus.PENDING).setParameter("now", now)
                    .setMaxResults(limit).getResultList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            int taken = em.createQuery("update " + entity + " o set o.claimedBy = :token, o.claimedUntil = :until"
                            + " where o.id in :ids and o.status = :pending"
                            + " and (o.claimedUntil is null or o.claimedUntil < :now)")
                    .setParameter("token", token).setParameter("until", leaseUntil).setParameter("ids", candidates)
                    .setParameter("pending", WorkStatus.PENDING).setParameter("now", now)
                    .executeUpdate();
            if (taken > 0) {
                return em.createQuery("select o from " + entity + " o where o.claimedBy = :token order by o.id", type)
                        .setParameter("token", token).getResultList();
            }
        }
        return List.of();
    }

    @Override
    public long count(WorkStatus status) {
        return em.createQuery("select count(o) from " + entity + " o where o.status = :status", Long.class)
                .setParameter("status", status).getSingleResult();
    }
}
