package org.iin.csec.course.infrastructure.moodle;

import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkStatus;
import org.iin.csec.chassis.testing.SavedWork;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.emulator.CompletionRule;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrolment work against an emulated Moodle that fails the ways a real one does: whatever happens, every
 * item ends done, waiting for a retry, or stopped with a reason; none is lost, and no retry duplicates anyone.
 */
class MoodleEnrolmentWorkTest {

    private final Instant now = Instant.parse("2027-03-01T08:00:00Z");
    private MoodleEmulator moodle;
    private MoodleClient client;
    private MoodleEnrolmentWork work;
    private List<OutboxItem> items;
    private long course;

    @BeforeEach
    void aMoodleWithTheCourse() throws Exception {
        moodle = MoodleEmulator.start();
        course = moodle.createCourse("CSEC-101", "CSEC", "CSEC-101-TEST");
        moodle.addActivity(course, 1, "page", "Module 1", CompletionRule.MANUAL);
        client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token())
                .readTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2)).build();
        work = new MoodleEnrolmentWork();
        work.moodle = MoodleConnection.to(client);
        Map<Long, MoodleWorkReader.Learner> learners = new HashMap<>();
        items = IntStream.rangeClosed(1, 5).mapToObj(i -> item(i, learners)).toList();
        work.reader = new MoodleWorkReader() {
            @Override
            public Map<Long, Learner> learners(List<OutboxItem> requested) {
                return learners;
            }
        };
    }

    @AfterEach
    void stop() {
        client.close();
        moodle.close();
    }

    @Test
    void enrolsEveryoneOnceEvenWhenSentTwice() {
        Map<Long, Outcome> first = work.send(items);
        Map<Long, Outcome> second = work.send(items);

        assertThat(first.values()).allSatisfy(o -> assertThat(o.result()).isEqualTo(Outcome.Result.DONE));
        assertThat(second).isEqualTo(first);
        assertThat(moodle.userCount()).isEqualTo(usersBefore() + 5);
    }

    @Test
    void moodleDownOrFailingMeansRetriedLaterNotLost() {
        for (Fault fault : List.of(Fault.httpStatus(503), Fault.connectionClosed(), Fault.htmlPage())) {
            moodle.injectFault(fault);
            Map<Long, Outcome> outcomes = work.send(items);
            assertThat(outcomes).as(fault.toString()).hasSize(5);
            assertThat(outcomes.values()).as(fault.toString())
                    .allSatisfy(o -> assertThat(o.result()).isEqualTo(Outcome.Result.RETRY));
            // What the dispatcher records: the items wait for a later attempt, with the reason.
            items.forEach(item -> item.failedForNow(outcomes.get(item.id()).reason(), now, Duration.ofSeconds(10)));
            moodle.clearFaults();
        }
        assertThat(items).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(WorkStatus.PENDING);
            assertThat(item.attempts()).isEqualTo(3);
            assertThat(item.lastError()).isNotBlank();
        });

        assertThat(work.send(items).values()).allSatisfy(o -> assertThat(o.result()).isEqualTo(Outcome.Result.DONE));
        assertThat(moodle.userCount()).isEqualTo(usersBefore() + 5);
    }

    @Test
    void anAnswerLostAfterMoodleActedMakesNoDuplicateOnTheRetry() {
        moodle.injectFault(Fault.slow(Duration.ofSeconds(3)));
        assertThat(work.send(items).values()).allSatisfy(o -> assertThat(o.result()).isEqualTo(Outcome.Result.RETRY));
        moodle.clearFaults();

        Map<Long, Outcome> retried = work.send(items);

        assertThat(retried.values()).allSatisfy(o -> assertThat(o.result()).isEqualTo(Outcome.Result.DONE));
        assertThat(retried.values().stream().map(Outcome::reference).distinct()).hasSize(5);
        assertThat(moodle.userCount()).isEqualTo(usersBefore() + 5);
    }

    @Test
    void aRevokedTokenStopsWithAReasonAnAdministratorCanActOn() {
        moodle.injectFault(Fault.invalidToken());

        Map<Long, Outcome> outcomes = work.send(items);

        assertThat(outcomes.values()).allSatisfy(o -> {
            assertThat(o.result()).isEqualTo(Outcome.Result.FAILED);
            assertThat(o.reason()).containsIgnoringCase("token").doesNotContain(moodle.token());
        });
    }

    @Test
    void withoutMoodleConfiguredTheWorkWaits() {
        work.moodle = new MoodleConnection();

        assertThat(work.send(items).values()).allSatisfy(o -> {
            assertThat(o.result()).isEqualTo(Outcome.Result.RETRY);
            assertThat(o.reason()).contains("CSEC_MOODLE_URL");
        });
    }

    private int baseline = -1;

    private int usersBefore() {
        return baseline;
    }

    private OutboxItem item(long participantId, Map<Long, MoodleWorkReader.Learner> learners) {
        if (baseline < 0) {
            baseline = moodle.userCount();
        }
        OutboxItem item = SavedWork.withId(new OutboxItem(WorkKind.MOODLE_ENROL, "2027-1", participantId, now),
                100 + participantId);
        learners.put(item.id(), new MoodleWorkReader.Learner(participantId, "Learner" + participantId, "Tester",
                "learner" + participantId + "@example.org", participantId % 2 == 0 ? "AR" : "UY", true, null, course,
                null, 1_803_600_000L, 1_811_000_000L));
        return item;
    }
}
