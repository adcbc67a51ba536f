package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditEntry;
import org.iin.csec.chassis.audit.AuditLog;
import org.iin.csec.chassis.domain.Role;

import java.util.List;

/** Reading the audit log: administrators and the course leader (DESIGN §1). */
@ApplicationScoped
public class AuditQueries {

    private static final int LIMIT = 1000;

    @Inject
    AuditLog log;

    @Transactional
    public List<AuditEntry> search(Caller caller, String edition, String state, String entityType, String entityId) {
        Access.requireAnyRole(caller, Role.ADMIN, Role.COURSE_LEADER);
        return log.search(blank(edition), blank(state), blank(entityType), blank(entityId), LIMIT);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
