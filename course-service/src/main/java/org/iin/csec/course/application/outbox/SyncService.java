package org.iin.csec.course.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.outbox.OutboxDispatcher;
import org.iin.csec.chassis.outbox.WorkStatus;
import org.iin.csec.course.application.EditionService;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The course leader's view of the sync with other systems: state, failures, retry by hand, run now. */
@ApplicationScoped
public class SyncService {

    @Inject
    EditionService editions;

    @Inject
    Outbox outbox;

    @Inject
    ParticipantRepository participants;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    CompletionSource completion;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    @Transactional
    public SyncState state(Account actor, String editionCode) {
        requireLeader(actor);
        var edition = editions.get(actor, editionCode);
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Object[] row : outbox.countByKindAndStatus(editionCode)) {
            counts.computeIfAbsent(row[0].toString(), k -> new TreeMap<>()).put(row[1].toString(), (Long) row[2]);
        }
        List<SyncState.Failure> failures = new ArrayList<>();
        for (OutboxItem item : outbox.find(editionCode, WorkStatus.FAILED)) {
            Participant p = participantOf(edition, item);
            failures.add(new SyncState.Failure(item.id(), item.kind().name(), item.participantId(),
                    p == null ? null : p.stateCode(), p == null ? null : p.fullName(), item.attempts(), item.lastError()));
        }
        // Pending work that already failed once says why it waits: otherwise "pending" hides that Moodle is down.
        List<SyncState.Retrying> retrying = new ArrayList<>();
        for (OutboxItem item : outbox.find(editionCode, WorkStatus.PENDING)) {
            if (item.lastError() != null) {
                Participant p = participantOf(edition, item);
                retrying.add(new SyncState.Retrying(item.id(), item.kind().name(), item.participantId(),
                        p == null ? null : p.stateCode(), p == null ? null : p.fullName(), item.attempts(),
                        item.lastError(), item.nextAttemptAt()));
            }
        }
        return new SyncState(editionCode, counts, failures, retrying);
    }

    private Participant participantOf(Edition edition, OutboxItem item) {
        return item.participantId() == null ? null : participants.find(edition, item.participantId()).orElse(null);
    }

    /** Puts every failed item of the edition back in line, after someone fixed the cause. */
    @Transactional
    public int retryFailed(Account actor, String editionCode) {
        requireLeader(actor);
        editions.get(actor, editionCode);
        List<OutboxItem> failed = outbox.find(editionCode, WorkStatus.FAILED);
        failed.forEach(item -> item.retryNow(clock.instant()));
        audit.record(actor.username(), "sync.retried", "Edition", editionCode, editionCode, null, null,
                Map.of("items", failed.size()));
        return failed.size();
    }

    /**
     * Sends the edition's pending work now, that waiting out a back-off included, and reads its online-stage
     * completion, instead of waiting for the next passes (not in a transaction: it talks to Moodle).
     */
    public void runNow(Account actor, String editionCode) {
        requireLeader(actor);
        editions.get(actor, editionCode);
        // Someone asked, e.g. because Moodle is back: work that failed during an outage must not wait up to an hour.
        outbox.bringForward(editionCode, clock.instant());
        dispatcher.drainAll();
        completion.refresh(editionCode);
    }

    private static void requireLeader(Account actor) {
        if (!actor.hasRole(Role.COURSE_LEADER) && !actor.hasRole(Role.ADMIN)) {
            throw new AccessDenied("The sync state is for course leaders and administrators.");
        }
    }
}
