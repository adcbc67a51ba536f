package org.iin.csec.certificate.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.application.Caller;
import org.iin.csec.certificate.domain.outbox.Outbox;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.outbox.WorkStatus;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The outbox as people see it: what waits or failed and why, and retrying a failed item once its cause is fixed. */
@ApplicationScoped
public class OutboxService {

    @Inject
    Outbox outbox;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    @Transactional
    public List<OutboxItem> list(Caller caller, WorkStatus status) {
        requireOperator(caller);
        return outbox.find(status, 500);
    }

    @Transactional
    public OutboxItem retry(Caller caller, long id) {
        requireOperator(caller);
        OutboxItem item = outbox.find(id).orElseThrow(() -> new NotFound("There is no outbox item " + id + "."));
        var before = Map.of("status", item.status().name());
        item.retryNow(clock.instant());
        audit.record(caller.username(), "outbox.retried", "OutboxItem", id, null, null, before,
                Map.of("status", item.status().name()));
        return item;
    }

    private static void requireOperator(Caller caller) {
        if (!caller.has(Role.ADMIN) && !caller.has(Role.COURSE_LEADER)) {
            throw new AccessDenied("The outbox is for administrators and the course leader.");
        }
    }
}
