package org.iin.csec.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.Test;

/**
 * Batch writes: Moodle creates all of a call or nothing, so the client isolates the accounts Moodle refuses and
 * creates the others, sends large batches in chunks, and reports what it could not confirm when Moodle goes away.
 */
class BatchWriteTest {

    private static MoodleClient clientFor(String baseUrl, String token) {
        return new MoodleClient.Builder().baseUrl(baseUrl).token(token).build();
    }

    private static List<NewUser> learners(int from, int count) {
        List<NewUser> users = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            users.add(NewUser.learner("learner" + i, "Learner", "Number " + i, "learner" + i + "@example.com",
                    "P-" + i, "UY"));
        }
        return users;
    }

    @Test
    void theRefusedAccountIsIsolatedAndTheOthersAreCreated() {
        try (MoodleEmulator moodle = MoodleEmulator.start();
                MoodleClient client = clientFor(moodle.baseUrl(), moodle.token())) {
            moodle.createUser("someone.else", "Some", "One", "learner3@example.com", "");
            int usersBefore = moodle.userCount();

            BatchOutcome<NewUser, CreatedUser> outcome = client.createUsers(learners(1, 6));

            assertThat(outcome.succeeded()).extracting(CreatedUser::username)
                    .containsExactlyInAnyOrder("learner1", "learner2", "learner4", "learner5", "learner6");
            assertThat(outcome.rejected()).singleElement().satisfies(r -> {
                assertThat(r.item().username()).isEqualTo("learner3");
                assertThat(r.reason()).isInstanceOf(MoodleInvalidParameterException.class);
            });
            assertThat(outcome.unconfirmed()).isEmpty();
            assertThat(moodle.userCount()).isEqualTo(usersBefore + 5);
            assertThat(moodle.callCount("core_user_create_users")).as("halving 6 down to the bad one")
                    .isBetween(3, 7);
        }
    }

    @Test
    void largeBatchesGoInChunksOfOneHundred() {
        try (MoodleEmulator moodle = MoodleEmulator.start();
                MoodleClient client = clientFor(moodle.baseUrl(), moodle.token())) {
            BatchOutcome<NewUser, CreatedUser> outcome = client.createUsers(learners(1, 250));
            assertThat(outcome.allSucceeded()).isTrue();
            assertThat(outcome.succeeded()).hasSize(250);
            assertThat(moodle.callCount("core_user_create_users")).isEqualTo(3);
        }
    }

    @Test
    void whenMoodleGoesAwayMidwayTheRestIsUnconfirmed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            StringBuilder created = new StringBuilder("[");
            for (int i = 1; i <= 100; i++) {
                created.append(i > 1 ? "," : "").append("{\"id\":").append(100 + i)
                        .append(",\"username\":\"learner").append(i).append("\"}");
            }
            server.enqueue(new MockResponse.Builder().code(200).body(created.append("]").toString()).build());
            server.enqueue(new MockResponse.Builder().code(503).body("<html>Service Unavailable</html>").build());
            try (MoodleClient client = clientFor("http://127.0.0.1:" + server.getPort(), "t0k3n")) {
                BatchOutcome<NewUser, CreatedUser> outcome = client.createUsers(learners(1, 250));

                assertThat(outcome.succeeded()).hasSize(100);
                assertThat(outcome.rejected()).isEmpty();
                assertThat(outcome.unconfirmed()).hasSize(150).first()
                        .extracting(NewUser::username).isEqualTo("learner101");
                assertThat(outcome.stoppedBy().isRetryable()).isTrue();
                assertThat(server.getRequestCount()).as("no call after Moodle failed").isEqualTo(2);
            }
        }
    }

    @Test
    void aNonEnrolledMemberDoesNotKeepTheOthersOutOfTheirGroup() throws Exception {
        try (MoodleEmulator moodle = MoodleEmulator.start();
                MoodleClient client = clientFor(moodle.baseUrl(), moodle.token())) {
            long course = moodle.createCourse("CSEC-101", "CSEC", "");
            long ana = moodle.createUser("ana", "Ana", "García", "ana@example.com", "P-1");
            long bruno = moodle.createUser("bruno", "Bruno", "Silva", "bruno@example.com", "P-2");
            moodle.enrol(ana, course);
            long group = client.createGroups(List.of(new NewGroup(course, "AR", "", null))).get(0).id();

            BatchOutcome<GroupMember, GroupMember> outcome = client.addGroupMembers(
                    List.of(new GroupMember(group, ana), new GroupMember(group, bruno)));

            assertThat(outcome.succeeded()).containsExactly(new GroupMember(group, ana));
            assertThat(outcome.rejected()).extracting(r -> r.item().userId()).containsExactly(bruno);
            assertThat(moodle.groupMemberIds(course, "AR")).containsExactly(ana);
        }
    }
}
