package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.domain.participant.ParticipantRepository;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.sync.EnrolmentOutcome;
import org.iin.csec.moodle.sync.EnrolmentSync;
import org.iin.csec.moodle.sync.LearnerEnrolment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepted participants into Moodle: matched (by idnumber, from the participant id, then e-mail) or created, enrolled as
 * students for the online stage's dates, and put in their state's group, in batches. Matching first makes a
 * second run, or a run after a crash, change nothing.
 */
@ApplicationScoped
public class MoodleEnrolmentWork implements WorkHandler<OutboxItem> {

    static final String NOT_CONFIGURED = "Moodle is not configured: set CSEC_MOODLE_URL and CSEC_MOODLE_TOKEN.";

    @Inject
    MoodleConnection moodle;

    @Inject
    MoodleWorkReader reader;

    @Inject
    Clock clock;

    @Inject
    ParticipantRepository participants;

    @Override
    public WorkKind kind() {
        return WorkKind.MOODLE_ENROL;
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public Map<Long, Outcome> send(List<OutboxItem> items) {
        Optional<MoodleClient> client = moodle.client();
        Map<Long, Outcome> outcomes = new HashMap<>();
        if (client.isEmpty()) {
            items.forEach(item -> outcomes.put(item.id(), Outcome.retry(NOT_CONFIGURED)));
            return outcomes;
        }
        Map<Long, MoodleWorkReader.Learner> learners = reader.learners(items);
        Map<String, Long> itemByParticipant = new HashMap<>();
        List<LearnerEnrolment> enrolments = new ArrayList<>();
        for (OutboxItem item : items) {
            MoodleWorkReader.Learner learner = learners.get(item.id());
            if (learner == null || !learner.belongsInMoodle()) {
                outcomes.put(item.id(), Outcome.done(null)); // withdrawn or rejected meanwhile: nothing to enrol
            } else if (learner.courseId() == null) {
                outcomes.put(item.id(), Outcome.failed("The edition has no Moodle course: link it, then retry."));
            } else {
                itemByParticipant.put(idNumber(learner.participantId()), item.id());
                enrolments.add(new LearnerEnrolment(idNumber(learner.participantId()), learner.firstName(),
                        learner.lastName(), learner.email(), learner.state(), learner.courseId(), learner.state(),
                        learner.timeStart(), learner.timeEnd()));
            }
        }
        if (!enrolments.isEmpty()) {
            for (EnrolmentOutcome outcome : new EnrolmentSync(client.get()).enrol(enrolments).outcomes()) {
                Long itemId = itemByParticipant.get(outcome.learner().participantId());
                outcomes.put(itemId, outcome.succeeded() ? Outcome.done(outcome.moodleUserId())
                        : Outcome.failure(outcome.failure(), outcome.retryable()));
            }
        }
        return outcomes;
    }

    /**
     * The participant's Moodle idnumber: the participant id, prefixed so it never collides with idnumbers other
     * systems give accounts on a shared Moodle. Matching by it is what makes every run idempotent.
     */
    static String idNumber(long participantId) {
        return "CSEC-P-" + participantId;
    }

    @Override
    public void onDone(OutboxItem item, Outcome outcome) {
        if (outcome.reference() != null) {
            participants.findForChange(item.participantId())
                    .ifPresent(participant -> participant.enrolledInMoodle(outcome.reference(), clock.instant()));
        }
    }
}
