package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.course.application.CertificateHandoff;
import org.iin.csec.course.application.Notifications;
import org.iin.csec.course.domain.edition.EditionStatus;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;
import org.iin.csec.course.domain.participant.ParticipantStatus;
import org.iin.csec.moodle.sync.CompletionReport;
import org.iin.csec.moodle.sync.EnrolledLearner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** The completion refresh's two short transactions: who to read, and recording what Moodle said. */
@ApplicationScoped
public class OnlineStageRecords {

    private static final Logger LOG = Logger.getLogger(OnlineStageRecords.class.getName());

    @Inject
    CertificateHandoff handoff;

    @Inject
    AuditRecorder audit;

    @Inject
    Notifications notifications;

    @Inject
    ParticipantRepository participants;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Transactional
    public Map<Long, EnrolledLearner> learnersToRead(String editionCode) {
        var query = em.createQuery("select p from Participant p join p.edition e"
                        + " where p.status = :enrolled and p.onlineStageResult <> :completed and p.moodleUserId is not null"
                        + " and e.moodleCourseId is not null and e.status in :stages"
                        + (editionCode == null ? "" : " and e.code = :code"), Participant.class)
                .setParameter("enrolled", ParticipantStatus.ENROLLED)
                .setParameter("completed", OnlineStageResult.COMPLETED)
                .setParameter("stages", List.of(EditionStatus.ONLINE_STAGE, EditionStatus.FACE_TO_FACE_STAGE));
        if (editionCode != null) {
            query.setParameter("code", editionCode);
        }
        List<Participant> enrolled = query.getResultList();
        Map<Long, EnrolledLearner> learners = new HashMap<>();
        enrolled.forEach(p -> learners.put(p.id(), new EnrolledLearner(p.moodleUserId(), p.edition().moodleCourseId())));
        return learners;
    }

    @Transactional
    public int record(Map<Long, EnrolledLearner> learners, List<CompletionReport> reports) {
        Map<EnrolledLearner, CompletionReport> byLearner = new HashMap<>();
        reports.forEach(r -> byLearner.put(r.learner(), r));
        Instant now = clock.instant();
        int changed = 0;
        Map<List<String>, List<String>> completedByEditionAndState = new HashMap<>();
        // In participant order, so two background passes lock states in the same order.
        for (Map.Entry<Long, EnrolledLearner> entry : new java.util.TreeMap<>(learners).entrySet()) {
            CompletionReport report = byLearner.get(entry.getValue());
            if (report == null || !report.succeeded()) {
                if (report != null) {
                    LOG.fine("Completion of participant " + entry.getKey() + " not read: " + report.failure());
                }
                continue;
            }
            Participant participant = participants.findForChange(entry.getKey()).orElse(null);
            if (participant == null) {
                continue;
            }
            OnlineStageResult result = report.completed() ? OnlineStageResult.COMPLETED
                    : report.inProgress() ? OnlineStageResult.IN_PROGRESS : OnlineStageResult.NOT_STARTED;
            Instant completedAt = report.completionTime().isPresent()
                    ? Instant.ofEpochSecond(report.completionTime().getAsLong()) : now;
            if (participant.recordOnlineStage(result, completedAt)) {
                changed++;
                audit.record("moodle", "online-stage.read", "Participant", participant.id(),
                        participant.edition().code(), participant.stateCode(), null,
                        Map.of("onlineStage", result.name()));
                if (result == OnlineStageResult.COMPLETED) {
                    handoff.evaluate(participant, now);
                    completedByEditionAndState.computeIfAbsent(
                            List.of(participant.edition().code(), participant.stateCode()), k -> new ArrayList<>())
                            .add(participant.fullName());
                }
            }
        }
        // One message per state and pass, listing everyone, rather than one per learner.
        completedByEditionAndState.forEach((key, names) -> notifications.onlineStageCompleted(key.get(0), key.get(1), names));
        return changed;
    }
}
