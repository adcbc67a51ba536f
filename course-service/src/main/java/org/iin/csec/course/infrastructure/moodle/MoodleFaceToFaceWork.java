package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A passed face-to-face stage, written to Moodle: the edition's face-to-face activity is overridden to complete
 * for the learner, so Moodle's own course completion agrees with the course. Overriding is idempotent.
 */
@ApplicationScoped
public class MoodleFaceToFaceWork implements WorkHandler<OutboxItem> {

    @Inject
    MoodleConnection moodle;

    @Inject
    MoodleWorkReader reader;

    @Override
    public WorkKind kind() {
        return WorkKind.MOODLE_FACE_TO_FACE;
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public Map<Long, Outcome> send(List<OutboxItem> items) {
        Optional<MoodleClient> client = moodle.client();
        Map<Long, Outcome> outcomes = new HashMap<>();
        Map<Long, MoodleWorkReader.Learner> learners = client.isEmpty() ? Map.of() : reader.learners(items);
        for (OutboxItem item : items) {
            MoodleWorkReader.Learner learner = learners.get(item.id());
            if (client.isEmpty()) {
                outcomes.put(item.id(), Outcome.retry(MoodleEnrolmentWork.NOT_CONFIGURED));
            } else if (learner == null || learner.faceToFaceActivityId() == null) {
                outcomes.put(item.id(), Outcome.done(null));
            } else if (learner.moodleUserId() == null) {
                outcomes.put(item.id(), Outcome.retry("The participant is not in Moodle yet; waiting for the enrolment."));
            } else {
                try {
                    client.get().overrideActivityCompletion(learner.moodleUserId(), learner.faceToFaceActivityId(), true);
                    outcomes.put(item.id(), Outcome.done(null));
                } catch (MoodleException e) {
                    outcomes.put(item.id(), Outcome.failure(e.getMessage(), e.isRetryable()));
                }
            }
        }
        return outcomes;
    }

}
