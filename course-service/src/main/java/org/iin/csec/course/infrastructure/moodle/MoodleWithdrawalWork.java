package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.sync.EnrolmentSync;
import org.iin.csec.moodle.sync.Withdrawal;
import org.iin.csec.moodle.sync.WithdrawalOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Withdrawn participants out of the Moodle course (unenrolled; their Moodle account stays). */
@ApplicationScoped
public class MoodleWithdrawalWork implements WorkHandler<OutboxItem> {

    @Inject
    MoodleConnection moodle;

    @Inject
    MoodleWorkReader reader;

    @Override
    public WorkKind kind() {
        return WorkKind.MOODLE_UNENROL;
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
            items.forEach(item -> outcomes.put(item.id(), Outcome.retry(MoodleEnrolmentWork.NOT_CONFIGURED)));
            return outcomes;
        }
        Map<Long, MoodleWorkReader.Learner> learners = reader.learners(items);
        List<Withdrawal> withdrawals = new ArrayList<>();
        Map<Withdrawal, Long> itemOf = new HashMap<>();
        for (OutboxItem item : items) {
            MoodleWorkReader.Learner learner = learners.get(item.id());
            if (learner == null || learner.moodleUserId() == null || learner.courseId() == null) {
                outcomes.put(item.id(), Outcome.done(null)); // never reached Moodle: nothing to undo
            } else {
                Withdrawal withdrawal = new Withdrawal(learner.moodleUserId(), learner.courseId());
                withdrawals.add(withdrawal);
                itemOf.put(withdrawal, item.id());
            }
        }
        if (!withdrawals.isEmpty()) {
            for (WithdrawalOutcome outcome : new EnrolmentSync(client.get()).withdraw(withdrawals)) {
                outcomes.put(itemOf.get(outcome.withdrawal()), outcome.succeeded() ? Outcome.done(null)
                        : Outcome.failure(outcome.failure(), outcome.retryable()));
            }
        }
        return outcomes;
    }

}
