package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.OutboxTransactions;
import org.iin.csec.course.application.outbox.CompletionSource;
import org.iin.csec.course.infrastructure.scheduling.JobLeases;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.sync.CompletionReader;
import org.iin.csec.moodle.sync.CompletionReport;
import org.iin.csec.moodle.sync.EnrolledLearner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the online stage back from Moodle for enrolled participants who have not completed it yet, on a
 * schedule and on demand: IN_PROGRESS once any criterion is met, COMPLETED (with its time) when Moodle says
 * the course is complete. A completion makes the participant eligible at once if the face-to-face stage is
 * passed. One instance at a time (a job lease); reading twice would change nothing anyway.
 */
@ApplicationScoped
public class OnlineStageRefresh implements CompletionSource {

    private static final String JOB = "moodle-completion";
    private static final String HOLDER = OutboxTransactions.INSTANCE;

    @Inject
    MoodleConnection moodle;

    @Inject
    JobLeases leases;

    @Inject
    OnlineStageRecords records;

    /** Refreshes one edition ({@code editionCode}) or every edition in its online or face-to-face stage (null). */
    @Override
    public int refresh(String editionCode) {
        Optional<MoodleClient> client = moodle.client();
        if (client.isEmpty() || !leases.tryTake(JOB, HOLDER, Duration.ofMinutes(10))) {
            return 0;
        }
        try {
            Map<Long, EnrolledLearner> learners = records.learnersToRead(editionCode);
            if (learners.isEmpty()) {
                return 0;
            }
            List<CompletionReport> reports = new CompletionReader(client.get()).read(new ArrayList<>(learners.values()));
            return records.record(learners, reports);
        } finally {
            leases.release(JOB, HOLDER);
        }
    }
}
