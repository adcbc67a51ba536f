package org.iin.csec.moodle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.sync.CompletionReader;
import org.iin.csec.moodle.sync.CompletionReport;
import org.iin.csec.moodle.sync.EnrolledLearner;
import org.junit.jupiter.api.Test;

/** The demo's course as the demo and the service's tests link their demo edition to it. */
class DemoCourseTest {

    @Test
    void aFreshSiteGivesTheIdsRunDemoConfigures() {
        // deploy/run-demo.sh writes these two ids for course-service before the emulated Moodle exists.
        try (MoodleEmulator moodle = MoodleEmulator.start()) {
            assertThat(DemoCourse.createIn(moodle)).isEqualTo(new DemoCourse(2, 3));
        }
    }

    @Test
    void theCourseIsCompletedOnlyWhenEveryActivityIsAndTheReaderSeesIt() {
        try (MoodleEmulator moodle = MoodleEmulator.start();
                MoodleClient client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token())
                        .build()) {
            DemoCourse course = DemoCourse.createIn(moodle);
            long learner = moodle.createUser("ana.garcia", "Ana", "García", "ana.garcia@example.org", "");
            moodle.enrol(learner, course.courseId());
            EnrolledLearner enrolled = new EnrolledLearner(learner, course.courseId());

            moodle.completeActivity(learner, course.faceToFaceActivityId());
            assertThat(read(client, enrolled).completed()).isFalse();

            moodle.completeCourse(learner, course.courseId());
            CompletionReport report = read(client, enrolled);
            assertThat(report.completed()).isTrue();
            assertThat(report.completionTime()).isPresent();
        }
    }

    private static CompletionReport read(MoodleClient client, EnrolledLearner learner) {
        List<CompletionReport> reports = new CompletionReader(client).read(List.of(learner));
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).succeeded()).as(reports.get(0).toString()).isTrue();
        return reports.get(0);
    }
}
