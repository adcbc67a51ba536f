package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.outbox.JpaOutboxStore;
import org.iin.csec.chassis.outbox.WorkStatus;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaOutbox extends JpaOutboxStore<OutboxItem> implements Outbox {

    public JpaOutbox() {
        super(OutboxItem.class);
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

    /** In a transaction of its own when called outside one: the sync page's "send now" is not in one. */
    @Override
    @Transactional
    public int bringForward(String editionCode, Instant now) {
        return em.createQuery("update OutboxItem o set o.nextAttemptAt = :now, o.version = o.version + 1"
                        + " where o.editionCode = :edition and o.status = :pending and o.nextAttemptAt > :now"
                        + " and (o.claimedUntil is null or o.claimedUntil < :now)")
                .setParameter("now", now).setParameter("edition", editionCode)
                .setParameter("pending", WorkStatus.PENDING).executeUpdate();
    }
}
