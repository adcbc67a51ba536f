package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The online stage as Moodle reports it, in the completion refresh's two short transactions: who to read, then
 * recording what was read (the reading itself runs between them, outside any transaction). A completion makes the
 * participant eligible at once if the face-to-face stage is passed.
 */
@ApplicationScoped
public class OnlineStageRecords {

    /** A participant whose online stage is read: their Moodle account and their edition's Moodle course. */
    public record Learner(long participantId, long moodleUserId, long moodleCourseId) {
    }

    /** What was read of one participant's online stage; {@code completedAt} is null when no time came with it. */
    public record Reading(long participantId, OnlineStageResult result, Instant completedAt) {
    }

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

    /** One edition's learners ({@code editionCode}), or those of every edition in its online or face-to-face stage (null). */
    @Transactional
    public List<Learner> learnersToRead(String editionCode) {
        return participants.findOnlineStageToRead(editionCode).stream()
                .map(p -> new Learner(p.id(), p.moodleUserId(), p.edition().moodleCourseId()))
                .toList();
    }

    /** Records the readings; returns how many participants' online stage changed. */
    @Transactional
    public int record(List<Reading> readings) {
        Instant now = clock.instant();
        int changed = 0;
        Map<List<String>, List<String>> completedByEditionAndState = new HashMap<>();
        // In participant order, so two background passes lock states in the same order.
        List<Reading> inOrder = new ArrayList<>(readings);
        inOrder.sort(Comparator.comparingLong(Reading::participantId));
        for (Reading reading : inOrder) {
            Participant participant = participants.findForChange(reading.participantId()).orElse(null);
            if (participant == null) {
                continue;
            }
            OnlineStageResult result = reading.result();
            Instant completedAt = reading.completedAt() != null ? reading.completedAt() : now;
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
