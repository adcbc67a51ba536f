package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.iin.csec.certificate.domain.outbox.Outbox;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.chassis.outbox.JpaOutboxStore;
import org.iin.csec.chassis.outbox.WorkStatus;

import java.util.List;

@ApplicationScoped
public class JpaOutbox extends JpaOutboxStore<OutboxItem> implements Outbox {

    public JpaOutbox() {
        super(OutboxItem.class);
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
}
