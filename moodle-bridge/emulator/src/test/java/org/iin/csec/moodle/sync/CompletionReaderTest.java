package org.iin.csec.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.iin.csec.chassis.testing.MovableClock;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.emulator.CompletionRule;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading completion back: who finished, who started, when, and learners Moodle cannot report on. */
class CompletionReaderTest {

    private static final long T0 = 1_790_000_000L;

    private final MovableClock clock = new MovableClock(Instant.ofEpochSecond(T0));
    private MoodleEmulator moodle;
    private MoodleClient client;
    private CompletionReader reader;
    private long course;
    private long page;
    private long assignment;

    @BeforeEach
    void start() {
        moodle = MoodleEmulator.builder().clock(clock).start();
        client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token()).build();
        reader = new CompletionReader(client);
        course = moodle.createCourse("CSEC-101", "CSEC semi-distance course", "");
        page = moodle.addActivity(course, 1, "page", "Welcome", CompletionRule.MANUAL);
        assignment = moodle.addActivity(course, 1, "assign", "Final assignment", CompletionRule.ON_VIEW);
        moodle.requireActivityCompletion(course);
    }

    @AfterEach
    void stop() {
        client.close();
        moodle.close();
    }

    private long learner(String name) {
        long id = moodle.createUser(name, name, "Learner", name + "@example.org", name.toUpperCase());
        moodle.enrol(id, course);
        return id;
    }

    @Test
    void completedInProgressAndNotStarted() {
        long finished = learner("ana");
        long started = learner("bruno");
        long notStarted = learner("carla");
        clock.set(Instant.ofEpochSecond(T0 + 100));
        moodle.completeActivity(finished, page);
        moodle.completeActivity(started, page);
        clock.set(Instant.ofEpochSecond(T0 + 500));
        moodle.completeActivity(finished, assignment);
        clock.set(Instant.ofEpochSecond(T0 + 900));

        List<CompletionReport> reports = reader.read(List.of(new EnrolledLearner(finished, course),
                new EnrolledLearner(started, course), new EnrolledLearner(notStarted, course)));

        assertThat(reports).allMatch(CompletionReport::succeeded);
        assertThat(reports.get(0).completed()).isTrue();
        assertThat(reports.get(0).inProgress()).isFalse();
        assertThat(reports.get(0).completionTime()).as("the last criterion, not the read time").hasValue(T0 + 500);
        assertThat(reports.get(1).completed()).isFalse();
        assertThat(reports.get(1).inProgress()).isTrue();
        assertThat(reports.get(1).completionTime()).isEmpty();
        assertThat(reports.get(2).completed()).isFalse();
        assertThat(reports.get(2).inProgress()).isFalse();
    }

    @Test
    void aLearnerNotEnrolledFailsAloneAndTheOthersAreRead() {
        long finished = learner("ana");
        moodle.completeCourse(finished, course);
        long withdrawn = moodle.createUser("bruno", "Bruno", "Silva", "bruno@example.org", "B");

        List<CompletionReport> reports = reader.read(List.of(new EnrolledLearner(withdrawn, course),
                new EnrolledLearner(finished, course)));

        assertThat(reports.get(0).succeeded()).isFalse();
        assertThat(reports.get(0).retryable()).isFalse();
        assertThat(reports.get(0).failure()).contains("not enrolled");
        assertThat(reports.get(1).completed()).isTrue();
    }

    @Test
    void whenMoodleFailsTheRestIsNotTriedAndIsRetryable() {
        long ana = learner("ana");
        long bruno = learner("bruno");
        moodle.injectFault(Fault.httpStatus(503));

        List<CompletionReport> reports = reader.read(List.of(new EnrolledLearner(ana, course),
                new EnrolledLearner(bruno, course)));

        assertThat(reports).allSatisfy(r -> {
            assertThat(r.succeeded()).isFalse();
            assertThat(r.retryable()).isTrue();
        });
        assertThat(moodle.callCount("core_completion_get_course_completion_status")).isEqualTo(1);
    }
}
