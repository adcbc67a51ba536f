package org.iin.csec.chassis.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit log in the service's own database (table audit_entry, the same in both schemas). */
@ApplicationScoped
public class JpaAuditLog implements AuditLog {

    /** The service's own persistence unit (each service produces its EntityManager). */
    @Inject
    EntityManager em;

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> search(String editionCode, String stateCode, String entityType, String entityId, int limit) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("editionCode", editionCode);
        filters.put("stateCode", stateCode);
        filters.put("entityType", entityType);
        filters.put("entityId", entityId);
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
        filters.forEach((field, value) -> {
            if (value != null) {
                jpql.append(" and e.").append(field).append(" = :").append(field);
            }
        });
        jpql.append(" order by e.id desc");
        TypedQuery<AuditEntry> query = em.createQuery(jpql.toString(), AuditEntry.class).setMaxResults(limit);
        filters.forEach((field, value) -> {
            if (value != null) {
                query.setParameter(field, value);
            }
        });
        return query.getResultList();
    }
}
