package org.iin.csec.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.iin.csec.moodle.emulator.Fault;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection check an administrator runs: each set-up problem is found and explained. */
class MoodleConnectionCheckTest {

    private MoodleEmulator moodle;
    private MoodleClient client;
    private long learner;

    @BeforeEach
    void start() {
        moodle = MoodleEmulator.start();
        client = client(moodle.token());
        learner = moodle.createUser("ana.garcia.p-1", "Ana", "García", "ana@example.org", "P-1");
    }

    private MoodleClient client(String token) {
        return new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(token)
                .readTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        moodle.close();
    }

    @Test
    void aWellSetUpSitePasses() {
        ConnectionReport report = new MoodleConnectionCheck(client).run(List.of(learner));

        assertThat(report.ok()).as("%s", report.problems()).isTrue();
        assertThat(report.site().username()).isEqualTo("wsbridge");
        assertThat(report.missingFunctions()).isEmpty();
        assertThat(report.emailLookup()).isEqualTo(ConnectionReport.EmailLookup.WORKS);
    }

    @Test
    void missingFunctionsAreNamed() {
        moodle.removeFunction("core_user_create_users");
        moodle.removeFunction("core_group_add_group_members");

        ConnectionReport report = new MoodleConnectionCheck(client).run(List.of(learner));

        assertThat(report.ok()).isFalse();
        assertThat(report.missingFunctions())
                .containsExactlyInAnyOrder("core_user_create_users", "core_group_add_group_members");
        assertThat(report.problems()).singleElement().asString()
                .contains("core_user_create_users", "core_group_add_group_members", "External services");
    }

    @Test
    void hiddenEmailsAreDetectedWithALearnerTheBridgeKnows() {
        moodle.revokeCapability("moodle/site:viewuseridentity");

        ConnectionReport report = new MoodleConnectionCheck(client).run(List.of(learner));

        assertThat(report.emailLookup()).isEqualTo(ConnectionReport.EmailLookup.HIDDEN);
        assertThat(report.problems()).singleElement().asString().contains("moodle/site:viewuseridentity");
    }

    @Test
    void theWebServiceUsersOwnEmailCannotRevealTheProblem() throws Exception {
        moodle.revokeCapability("moodle/site:viewuseridentity");

        assertThat(client.getUsersByField(UserField.EMAIL, List.of("wsbridge@example.com")))
                .as("Moodle always shows users their own address").hasSize(1);
        assertThat(client.getUsersByField(UserField.EMAIL, List.of("ana@example.org")))
                .as("but hides the learners'").isEmpty();
    }

    @Test
    void withoutAKnownLearnerEmailLookupIsUnverified() {
        ConnectionReport report = new MoodleConnectionCheck(client).run(List.of());

        assertThat(report.ok()).isTrue();
        assertThat(report.emailLookup()).isEqualTo(ConnectionReport.EmailLookup.UNVERIFIED);
    }

    @Test
    void aWrongTokenIsExplained() {
        try (MoodleClient wrong = client("not-the-token")) {
            ConnectionReport report = new MoodleConnectionCheck(wrong).run(List.of(learner));

            assertThat(report.site()).isNull();
            assertThat(report.problems()).singleElement().asString().contains("invalidtoken", "Manage tokens");
        }
    }

    @Test
    void anUnreachableMoodleIsExplained() {
        moodle.injectFault(Fault.connectionRefused());

        ConnectionReport report = new MoodleConnectionCheck(client).run(List.of(learner));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains("could not be reached", moodle.baseUrl());
    }
}
