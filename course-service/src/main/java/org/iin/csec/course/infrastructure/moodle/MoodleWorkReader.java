package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.participant.Participant;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads, in one short transaction, what the Moodle work of some outbox items needs to know now. */
@ApplicationScoped
public class MoodleWorkReader {

    /** A participant as Moodle work sees them at send time (latest name, e-mail and state). */
    public record Learner(long participantId, String firstName, String lastName, String email, String state,
                          boolean belongsInMoodle, Long moodleUserId, Long courseId, Long faceToFaceActivityId,
                          long timeStart, long timeEnd) {
    }

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Transactional
    public Map<Long, Learner> learners(List<OutboxItem> items) {
        Map<Long, Learner> learners = new HashMap<>();
        for (OutboxItem item : items) {
            Participant p = em.find(Participant.class, item.participantId());
            if (p != null) {
                var edition = p.edition();
                learners.put(item.id(), new Learner(p.id(), p.firstName(), p.lastName(), p.email(), p.stateCode(),
                        p.belongsInMoodle(), p.moodleUserId(), edition.moodleCourseId(),
                        edition.moodleFaceToFaceActivityId(), epochSeconds(edition.onlineStageStart()),
                        epochSeconds(edition.onlineStageEnd().plusDays(1))));
            }
        }
        return learners;
    }

    private static long epochSeconds(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
