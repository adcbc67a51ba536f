package org.iin.csec.course.infrastructure.moodle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.OutboxTransactions;
import org.iin.csec.course.application.OnlineStageRecords;
import org.iin.csec.course.application.outbox.CompletionSource;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.infrastructure.scheduling.JobLeases;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.sync.CompletionReader;
import org.iin.csec.moodle.sync.CompletionReport;
import org.iin.csec.moodle.sync.EnrolledLearner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads the online stage back from Moodle for enrolled participants who have not completed it yet, on a
 * schedule and on demand: IN_PROGRESS once any criterion is met, COMPLETED (with its time) when Moodle says
 * the course is complete. {@link OnlineStageRecords} picks who to read and records what Moodle said; this class
 * only talks to Moodle, between those two transactions. One instance at a time (a job lease); reading twice would
 * change nothing anyway.
 */
@ApplicationScoped
public class OnlineStageRefresh implements CompletionSource {

    private static final Logger LOG = Logger.getLogger(OnlineStageRefresh.class.getName());
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
            Map<Long, EnrolledLearner> learners = new LinkedHashMap<>();
            for (OnlineStageRecords.Learner learner : records.learnersToRead(editionCode)) {
                learners.put(learner.participantId(), new EnrolledLearner(learner.moodleUserId(), learner.moodleCourseId()));
            }
            if (learners.isEmpty()) {
                return 0;
            }
            List<CompletionReport> reports = new CompletionReader(client.get()).read(new ArrayList<>(learners.values()));
            return records.record(readings(learners, reports));
        } finally {
            leases.release(JOB, HOLDER);
        }
    }

    /** What Moodle's reports say of each participant; a report Moodle could not give is left out (read next pass). */
    private static List<OnlineStageRecords.Reading> readings(Map<Long, EnrolledLearner> learners,
                                                             List<CompletionReport> reports) {
        Map<EnrolledLearner, CompletionReport> byLearner = new HashMap<>();
        reports.forEach(r -> byLearner.put(r.learner(), r));
        List<OnlineStageRecords.Reading> readings = new ArrayList<>();
        for (Map.Entry<Long, EnrolledLearner> entry : learners.entrySet()) {
            CompletionReport report = byLearner.get(entry.getValue());
            if (report == null || !report.succeeded()) {
                if (report != null) {
                    LOG.fine("Completion of participant " + entry.getKey() + " not read: " + report.failure());
                }
                continue;
            }
            OnlineStageResult result = report.completed() ? OnlineStageResult.COMPLETED
                    : report.inProgress() ? OnlineStageResult.IN_PROGRESS : OnlineStageResult.NOT_STARTED;
            // Without a time from Moodle, the record takes the time it is made.
            Instant completedAt = report.completionTime().isPresent()
                    ? Instant.ofEpochSecond(report.completionTime().getAsLong()) : null;
            readings.add(new OnlineStageRecords.Reading(entry.getKey(), result, completedAt));
        }
        return readings;
    }
}
