package org.iin.csec.moodle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.moodle.sync.Learners.learner;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.NewGroup;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The enrolment sync against the emulated Moodle: what a course coordinator would see in Moodle afterwards. */
class EnrolmentSyncTest {

    private static final long START = 1_767_225_600L; // 2026-01-01
    private static final long END = 1_782_864_000L; // 2026-07-01

    private MoodleEmulator moodle;
    private MoodleClient client;
    private EnrolmentSync sync;
    private long course;

    @BeforeEach
    void start() {
        moodle = MoodleEmulator.start();
        client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token())
                .readTimeout(Duration.ofMillis(500)).build();
        sync = new EnrolmentSync(client);
        course = moodle.createCourse("CSEC-101", "CSEC semi-distance course", "CSEC-101-2026");
    }

    @AfterEach
    void stop() {
        client.close();
        moodle.close();
    }

    private List<LearnerEnrolment> fourLearners() {
        return List.of(
                new LearnerEnrolment("P-1", "Ana", "García", "ana.garcia@example.org", "AR", course, "AR", START, END),
                learner("P-2", "Bruno", "Silva", "UY", course),
                learner("P-3", "Carla", "Pérez Gómez", "AR", course),
                learner("P-4", "Diego", "Rodríguez", "UY", course));
    }

    @Test
    void newLearnersGetAnAccountAStudentEnrolmentAndTheirStateGroup() {
        int usersBefore = moodle.userCount();

        EnrolmentSyncResult result = sync.enrol(fourLearners());

        assertThat(result.allSucceeded()).as("%s", result.failures()).isTrue();
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.accountCreated()).isTrue());
        assertThat(moodle.userCount()).isEqualTo(usersBefore + 4);
        long ana = result.outcomes().get(0).moodleUserId();
        assertThat(moodle.account(ana)).hasValueSatisfying(a -> {
            assertThat(a.username()).isEqualTo("ana.garcia.p-1");
            assertThat(a.idNumber()).isEqualTo("P-1");
            assertThat(a.country()).isEqualTo("AR");
            assertThat(a.auth()).isEqualTo("manual");
        });
        assertThat(moodle.account(result.outcomes().get(2).moodleUserId()))
                .hasValueSatisfying(a -> assertThat(a.username()).isEqualTo("carla.perez-gomez.p-3"));
        assertThat(moodle.enrolment(ana, course)).hasValueSatisfying(e -> {
            assertThat(e.roleId()).isEqualTo(5);
            assertThat(e.timeStart()).isEqualTo(START);
            assertThat(e.timeEnd()).isEqualTo(END);
            assertThat(e.suspended()).isFalse();
        });
        assertThat(moodle.enrolledUserIds(course)).hasSize(4);
        assertThat(moodle.groupNames(course)).containsExactly("AR", "UY");
        assertThat(moodle.groupMemberIds(course, "AR"))
                .containsExactlyInAnyOrder(ana, result.outcomes().get(2).moodleUserId());
    }

    @Test
    void runningTwiceChangesNothing() {
        EnrolmentSyncResult first = sync.enrol(fourLearners());
        int users = moodle.userCount();
        Set<Long> enrolled = moodle.enrolledUserIds(course);
        Set<Long> argentina = moodle.groupMemberIds(course, "AR");
        moodle.resetCallCounts();

        EnrolmentSyncResult second = sync.enrol(fourLearners());

        assertThat(second.allSucceeded()).isTrue();
        assertThat(second.outcomes()).extracting(EnrolmentOutcome::moodleUserId)
                .containsExactlyElementsOf(first.outcomes().stream().map(EnrolmentOutcome::moodleUserId).toList());
        assertThat(second.outcomes()).noneMatch(EnrolmentOutcome::accountCreated);
        assertThat(moodle.userCount()).isEqualTo(users);
        assertThat(moodle.enrolledUserIds(course)).isEqualTo(enrolled);
        assertThat(moodle.groupNames(course)).containsExactly("AR", "UY");
        assertThat(moodle.groupMemberIds(course, "AR")).isEqualTo(argentina);
        assertThat(moodle.callCount("core_user_create_users")).isZero();
        assertThat(moodle.callCount("core_group_create_groups")).isZero();
    }

    @Test
    void aCrashAfterMoodleEnrolledLeavesNothingToDuplicate() {
        moodle.injectFault("enrol_manual_enrol_users", Fault.slow(Duration.ofSeconds(2)));

        EnrolmentSyncResult interrupted = sync.enrol(fourLearners());

        assertThat(interrupted.outcomes()).allSatisfy(o -> {
            assertThat(o.succeeded()).isFalse();
            assertThat(o.retryable()).isTrue();
            assertThat(o.moodleUserId()).as("the account exists already").isPositive();
        });
        assertThat(moodle.enrolledUserIds(course)).as("Moodle did enrol them").hasSize(4);
        int users = moodle.userCount();
        moodle.clearFaults();

        EnrolmentSyncResult retried = sync.enrol(fourLearners());

        assertThat(retried.allSucceeded()).isTrue();
        assertThat(retried.outcomes()).extracting(EnrolmentOutcome::moodleUserId).containsExactlyElementsOf(
                interrupted.outcomes().stream().map(EnrolmentOutcome::moodleUserId).toList());
        assertThat(moodle.userCount()).isEqualTo(users);
        assertThat(moodle.enrolledUserIds(course)).hasSize(4);
        assertThat(moodle.groupNames(course)).containsExactly("AR", "UY");
    }

    @Test
    void aLostAnswerToAccountCreationIsHealedByTheNextRun() {
        int usersBefore = moodle.userCount();
        moodle.injectFault("core_user_create_users", Fault.truncatedJson());

        EnrolmentSyncResult interrupted = sync.enrol(fourLearners());

        assertThat(interrupted.outcomes()).allSatisfy(o -> assertThat(o.retryable()).isTrue());
        assertThat(moodle.userCount()).as("Moodle created them, the answer was lost").isEqualTo(usersBefore + 4);
        moodle.clearFaults();

        EnrolmentSyncResult retried = sync.enrol(fourLearners());

        assertThat(retried.allSucceeded()).isTrue();
        assertThat(retried.outcomes()).noneMatch(EnrolmentOutcome::accountCreated);
        assertThat(moodle.userCount()).isEqualTo(usersBefore + 4);
    }

    @Test
    void anAccountMadeByHandIsFoundByEmailAndClaimed() {
        long existing = moodle.createUser("agarcia", "Ana", "García", "Ana.Garcia@Example.org", "");

        EnrolmentSyncResult result = sync.enrol(fourLearners());

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.outcomes().get(0).moodleUserId()).isEqualTo(existing);
        assertThat(result.outcomes().get(0).accountCreated()).isFalse();
        assertThat(moodle.account(existing)).hasValueSatisfying(a -> assertThat(a.idNumber()).isEqualTo("P-1"));
        assertThat(moodle.enrolledUserIds(course)).contains(existing);
    }

    @Test
    void anotherParticipantsAccountIsNotTaken() {
        moodle.createUser("agarcia", "Ana", "García", "ana.garcia@example.org", "P-999");
        int users = moodle.userCount();

        EnrolmentSyncResult result = sync.enrol(fourLearners());

        EnrolmentOutcome ana = result.outcomes().get(0);
        assertThat(ana.succeeded()).isFalse();
        assertThat(ana.retryable()).isFalse();
        assertThat(ana.failure()).contains("P-999");
        assertThat(result.outcomes().subList(1, 4)).allMatch(EnrolmentOutcome::succeeded);
        assertThat(moodle.userCount()).isEqualTo(users + 3);
    }

    @Test
    void withHiddenEmailsTheRefusedAccountIsIsolatedAndTheOthersAreCreated() {
        moodle.revokeCapability("moodle/site:viewuseridentity");
        moodle.createUser("bsilva", "Bruno", "Silva", "bruno.silva.p-2@example.org", "");
        int users = moodle.userCount();

        EnrolmentSyncResult result = sync.enrol(fourLearners());

        EnrolmentOutcome bruno = result.outcomes().get(1);
        assertThat(bruno.succeeded()).isFalse();
        assertThat(bruno.retryable()).isFalse();
        assertThat(bruno.failure()).contains("refused to create the account bruno.silva.p-2");
        assertThat(List.of(result.outcomes().get(0), result.outcomes().get(2), result.outcomes().get(3)))
                .allMatch(EnrolmentOutcome::succeeded).allMatch(EnrolmentOutcome::accountCreated);
        assertThat(moodle.userCount()).isEqualTo(users + 3);
        assertThat(moodle.enrolledUserIds(course)).hasSize(3);
    }

    @Test
    void hiddenEmailsAreReportedOnceAccountsAreKnown() {
        sync.enrol(fourLearners());
        moodle.revokeCapability("moodle/site:viewuseridentity");

        EnrolmentSyncResult again = sync.enrol(fourLearners());

        assertThat(again.allSucceeded()).isTrue();
        assertThat(again.warnings()).singleElement().asString().contains("moodle/site:viewuseridentity");
    }

    @Test
    void badDataFailsOnlyThatLearnerAndIsNeverSent() {
        List<LearnerEnrolment> learners = List.of(
                new LearnerEnrolment("P-1", "Ana", "García", "ana@example.org", "Argentina", course, "AR", 0, 0),
                new LearnerEnrolment("P-2", "Bruno", "Silva", "not-an-email", "UY", course, "UY", 0, 0),
                new LearnerEnrolment("P-3", "Carla", "Pérez", "carla@example.org", "AR", course, "AR", END, START),
                learner("P-4", "Diego", "Rodríguez", "UY", course));

        EnrolmentSyncResult result = sync.enrol(learners);

        assertThat(result.outcomes().subList(0, 3)).allSatisfy(o -> {
            assertThat(o.succeeded()).isFalse();
            assertThat(o.retryable()).isFalse();
            assertThat(o.moodleUserId()).isZero();
        });
        assertThat(result.outcomes().get(0).failure()).contains("ISO 3166-1 alpha-2");
        assertThat(result.outcomes().get(3).succeeded()).isTrue();
        assertThat(moodle.userIdByIdNumber("P-1")).isEmpty();
        assertThat(moodle.userIdByIdNumber("P-2")).isEmpty();
        assertThat(moodle.userIdByIdNumber("P-3")).isEmpty();
    }

    @Test
    void anUnknownCourseFailsOnlyItsLearners() {
        List<LearnerEnrolment> learners = List.of(learner("P-1", "Ana", "García", "AR", 999),
                learner("P-2", "Bruno", "Silva", "UY", course));

        EnrolmentSyncResult result = sync.enrol(learners);

        assertThat(result.outcomes().get(0).failure()).contains("Course 999 does not exist");
        assertThat(result.outcomes().get(1).succeeded()).isTrue();
        assertThat(moodle.userIdByIdNumber("P-1")).as("no account for a course that is not there").isEmpty();
    }

    @Test
    void whenMoodleIsDownEveryLearnerIsRetryableAndNothingIsCreated() {
        int users = moodle.userCount();
        moodle.injectFault(Fault.connectionRefused());

        EnrolmentSyncResult result = sync.enrol(fourLearners());

        assertThat(result.outcomes()).allSatisfy(o -> {
            assertThat(o.succeeded()).isFalse();
            assertThat(o.retryable()).isTrue();
        });
        moodle.clearFaults();
        assertThat(moodle.userCount()).isEqualTo(users);
    }

    @Test
    void aRevokedTokenIsNotRetryable() {
        moodle.injectFault(Fault.invalidToken());

        EnrolmentSyncResult result = sync.enrol(fourLearners());

        assertThat(result.outcomes()).allSatisfy(o -> {
            assertThat(o.retryable()).isFalse();
            assertThat(o.failure()).contains("invalidtoken");
        });
    }

    @Test
    void anExistingGroupIsReusedAndEachGroupExistsOnce() throws Exception {
        long argentina = client.createGroups(List.of(new NewGroup(course, "AR", "Argentina", null))).get(0).id();

        EnrolmentSyncResult result = sync.enrol(fourLearners());
        sync.enrol(fourLearners());

        assertThat(result.allSucceeded()).isTrue();
        assertThat(moodle.groupNames(course)).containsExactly("AR", "UY");
        assertThat(client.getCourseGroups(course)).filteredOn(g -> g.name().equals("AR"))
                .singleElement().satisfies(g -> assertThat(g.id()).isEqualTo(argentina));
    }

    @Test
    void aParticipantInTwoCoursesHasOneAccount() {
        long orientation = moodle.createCourse("CSEC-ORI", "Orientation", "");
        int users = moodle.userCount();

        EnrolmentSyncResult result = sync.enrol(List.of(learner("P-1", "Ana", "García", "AR", course),
                learner("P-1", "Ana", "García", "AR", orientation)));

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.outcomes().get(0).moodleUserId()).isEqualTo(result.outcomes().get(1).moodleUserId());
        assertThat(moodle.userCount()).isEqualTo(users + 1);
        assertThat(moodle.enrolledUserIds(orientation)).containsExactly(result.outcomes().get(0).moodleUserId());
    }

    @Test
    void withdrawalUnenrolsAndIsSafeToRepeat() {
        EnrolmentSyncResult enrolled = sync.enrol(fourLearners());
        long ana = enrolled.outcomes().get(0).moodleUserId();
        long bruno = enrolled.outcomes().get(1).moodleUserId();

        List<WithdrawalOutcome> first = sync.withdraw(List.of(new Withdrawal(ana, course), new Withdrawal(bruno, course)));
        List<WithdrawalOutcome> again = sync.withdraw(List.of(new Withdrawal(ana, course),
                new Withdrawal(987654, course), new Withdrawal(bruno, 999)));

        assertThat(first).allMatch(WithdrawalOutcome::succeeded);
        assertThat(moodle.enrolledUserIds(course)).doesNotContain(ana, bruno).hasSize(2);
        assertThat(moodle.groupMemberIds(course, "AR")).doesNotContain(ana);
        assertThat(again.get(0).succeeded()).as("already withdrawn").isTrue();
        assertThat(again.get(1).succeeded()).as("the account no longer exists").isTrue();
        assertThat(again.get(2).succeeded()).as("no such course").isFalse();
        assertThat(again.get(2).retryable()).isFalse();
    }

    /**
     * The product's benchmark: 1,750 new learners, 50 in each of 35 states, into one course must take at most
     * ceil(1750/100) x 2 + 35 + a few calls.
     */
    @Test
    void syncing1750LearnersStaysWithinTheCallBudget() {
        List<LearnerEnrolment> learners = Learners.cohort(35, 50, course);
        int users = moodle.userCount();

        EnrolmentSyncResult result = sync.enrol(learners);

        assertThat(result.allSucceeded()).isTrue();
        assertThat(moodle.userCount()).isEqualTo(users + 1750);
        assertThat(moodle.enrolledUserIds(course)).hasSize(1750);
        assertThat(moodle.groupNames(course)).hasSize(35).doesNotHaveDuplicates();
        assertThat(moodle.groupMemberIds(course, "UY")).hasSize(50);
        int budget = (int) Math.ceil(1750 / 100.0) * 2 + 35 + 5;
        assertThat(moodle.totalCallCount()).as("%s", moodle.callCounts()).isLessThanOrEqualTo(budget);
    }
}
