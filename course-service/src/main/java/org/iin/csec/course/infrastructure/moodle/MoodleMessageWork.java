package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.moodle.InstantMessage;
import org.iin.csec.moodle.MessageResult;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Instant messages to learners in Moodle, one per call (Moodle 4.5 mishandles mixed batches). */
@ApplicationScoped
public class MoodleMessageWork implements WorkHandler<OutboxItem> {

    @Inject
    MoodleConnection moodle;

    @Inject
    MoodleWorkReader reader;

    @Override
    public WorkKind kind() {
        return WorkKind.MOODLE_MESSAGE;
    }

    @Override
    public int batchSize() {
        return 20;
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
            } else if (learner == null || learner.moodleUserId() == null) {
                outcomes.put(item.id(), Outcome.done(null)); // never reached Moodle: the e-mail is enough
            } else {
                try {
                    MessageResult result = client.get().sendInstantMessage(
                            new InstantMessage(learner.moodleUserId(), item.payload(), InstantMessage.Format.PLAIN, null));
                    outcomes.put(item.id(), result.delivered() ? Outcome.done(null)
                            : Outcome.failed("Moodle did not deliver the message: " + result.errorMessage()));
                } catch (MoodleException e) {
                    outcomes.put(item.id(), Outcome.failure(e.getMessage(), e.isRetryable()));
                }
            }
        }
        return outcomes;
    }

}
