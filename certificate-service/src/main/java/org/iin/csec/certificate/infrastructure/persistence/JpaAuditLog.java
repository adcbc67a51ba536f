package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.iin.csec.certificate.domain.audit.AuditEntry;
import org.iin.csec.certificate.domain.audit.AuditLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaAuditLog implements AuditLog {

    @PersistenceContext(unitName = "certificate")
    EntityManager em;

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> search(String editionCode, String stateCode, String entityType, String entityId,
                                   int limit) {
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
