package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditEntry;
import org.iin.csec.chassis.audit.AuditLog;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.StateCode;
import org.iin.csec.course.domain.account.Account;

import java.util.List;

/** Reading the audit log: administrators and course leaders only. */
@ApplicationScoped
public class AuditQueries {

    public static final int MAX_ENTRIES = 1000;

    @Inject
    AuditLog log;

    @Transactional
    public List<AuditEntry> search(Account actor, String editionCode, String state, String entityType, String entityId,
                                   int limit) {
        Access.requireAnyRole(actor, Role.ADMIN, Role.COURSE_LEADER);
        String stateCode = state == null || state.isBlank() ? null : StateCode.of(state);
        return log.search(editionCode, stateCode, entityType, entityId, Math.max(1, Math.min(limit, MAX_ENTRIES)));
    }
}
