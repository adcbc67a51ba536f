package org.iin.csec.chassis.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.time.Clock;

/** Writes audit entries in the caller's transaction, so a change and its record commit or fail together. */
@ApplicationScoped
public class AuditRecorder {

    /** The actor of changes course-service asks certificate-service for (issuance, cancellation). */
    public static final String COURSE_SERVICE = "course-service";
    /** The actor of changes the service makes on its own (delivery). */
    public static final String SYSTEM = "system";

    /** Lives as long as the application; Jsonb instances are thread-safe and costly to create. */
    private final Jsonb jsonb = JsonbBuilder.create();

    @Inject
    AuditLog log;

    @Inject
    Clock clock;

    public AuditRecorder() {
    }

    /** For tests without a container. */
    public AuditRecorder(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** {@code before} and {@code after} are small snapshots (records or maps), stored as JSON; either may be null. */
    public void record(String actor, String action, String entityType, Object entityId, String editionCode,
                       String stateCode, Object before, Object after) {
        log.append(new AuditEntry(clock.instant(), actor, action, entityType, String.valueOf(entityId), editionCode,
                stateCode, toJson(before), toJson(after)));
    }

    private String toJson(Object snapshot) {
        return snapshot == null ? null : jsonb.toJson(snapshot);
    }
}
