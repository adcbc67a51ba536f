package org.iin.csec.moodle.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.iin.csec.moodle.ActivityCompletion;
import org.iin.csec.moodle.BatchOutcome;
import org.iin.csec.moodle.CourseCompletion;
import org.iin.csec.moodle.CourseField;
import org.iin.csec.moodle.CreatedUser;
import org.iin.csec.moodle.EnrolledUser;
import org.iin.csec.moodle.Enrolment;
import org.iin.csec.moodle.GroupMember;
import org.iin.csec.moodle.InstantMessage;
import org.iin.csec.moodle.MessageResult;
import org.iin.csec.moodle.MoodleAccessException;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleCourse;
import org.iin.csec.moodle.MoodleErrorException;
import org.iin.csec.moodle.MoodleException;
import org.iin.csec.moodle.MoodleGroup;
import org.iin.csec.moodle.MoodleInvalidParameterException;
import org.iin.csec.moodle.MoodleTransportException;
import org.iin.csec.moodle.MoodleUser;
import org.iin.csec.moodle.NewUser;
import org.iin.csec.moodle.SiteInfo;
import org.iin.csec.moodle.Unenrolment;
import org.iin.csec.moodle.UserCriterion;
import org.iin.csec.moodle.UserField;
import org.iin.csec.moodle.UserGrades;
import org.iin.csec.moodle.UserUpdate;
import org.iin.csec.moodle.UserWarning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against the captured answers themselves, served by a mock server on 127.0.0.1: it reads every success
 * body the product uses into the right values, maps every captured error to the right typed exception, and sends
 * the same form fields the captured requests did.
 */
class ClientContractTest {

    private static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private MockWebServer server;
    private MoodleClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = new MoodleClient.Builder().baseUrl("http://127.0.0.1:" + server.getPort()).token(TOKEN).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void serve(String file) {
        ContractCapture capture = ContractCapture.named(file);
        server.enqueue(new MockResponse.Builder().code(capture.status())
                .addHeader("Content-Type", capture.contentType()).body(capture.body()).build());
    }

    /** The form the client sent, without the token, as name/value pairs in order. */
    private List<String> sentForm() throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/webservice/rest/server.php");
        assertThat(request.getUrl().query()).as("nothing in the URL").isNull();
        List<String> pairs = new ArrayList<>();
        for (String pair : request.getBody().utf8().split("&")) {
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            if (name.equals("wstoken")) {
                assertThat(value).isEqualTo(TOKEN);
            } else {
                pairs.add(name + "=" + value);
            }
        }
        return pairs;
    }

    private static List<String> capturedForm(String file) {
        List<String> pairs = new ArrayList<>();
        ContractCapture.named(file).form().stream().filter(f -> !f[0].equals("wstoken"))
                .forEach(f -> pairs.add(f[0] + "=" + f[1]));
        return pairs;
    }

    // ---- every captured error -----------------------------------------------------------------------------------

    static List<ContractCapture> errorCaptures() {
        return ContractCapture.all().stream().filter(c -> !c.isXml() && c.isError()).toList();
    }

    /** What each of Moodle's error codes in the captures must become. */
    private static final Map<String, Class<? extends MoodleErrorException>> EXPECTED_TYPES = Map.of(
            "invalidtoken", MoodleAccessException.class,
            "accessexception", MoodleAccessException.class,
            "requireloginerror", MoodleAccessException.class,
            "wsusercannotassign", MoodleAccessException.class,
            "invalidparameter", MoodleInvalidParameterException.class);

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorCaptures")
    void everyCapturedErrorBecomesAPermanentTypedException(ContractCapture capture) {
        serve(capture.file());
        MoodleErrorException error = catchThrowableOfType(MoodleErrorException.class, client::getSiteInfo);

        String errorCode = capture.bodyValue().asJsonObject().getString("errorcode");
        assertThat(error).as("an error body with HTTP 200 must throw").isNotNull();
        assertThat(error.getClass()).isEqualTo(EXPECTED_TYPES.getOrDefault(errorCode, MoodleErrorException.class));
        assertThat(error.errorCode()).isEqualTo(errorCode);
        assertThat(error.exceptionClass()).isEqualTo(capture.bodyValue().asJsonObject().getString("exception"));
        assertThat(error.isRetryable()).as("Moodle's own errors do not pass by retrying").isFalse();
        assertThat(error.getMessage()).contains(errorCode).contains("core_webservice_get_site_info");
        if (capture.file().endsWith("__debug.json")) {
            assertThat(error.debugInfo()).contains(capture.bodyValue().asJsonObject().getString("debuginfo"));
        } else {
            assertThat(error.debugInfo()).isEmpty();
        }
    }

    @Test
    void anXmlAnswerIsNotMistakenForSuccess() {
        serve("format_xml__exception.json");
        MoodleTransportException error = catchThrowableOfType(MoodleTransportException.class, client::getSiteInfo);
        assertThat(error.reason()).isEqualTo(MoodleTransportException.Reason.MALFORMED_RESPONSE);
    }

    // ---- success bodies -----------------------------------------------------------------------------------------

    @Test
    void siteInfo() throws Exception {
        serve("core_webservice_get_site_info.json");
        SiteInfo site = client.getSiteInfo();
        assertThat(site.siteName()).isEqualTo("CSEC Contract Moodle");
        assertThat(site.userId()).isEqualTo(3);
        assertThat(site.username()).isEqualTo("wsbridge");
        assertThat(site.release()).isEqualTo("4.5.6 (Build: 20250811)");
        assertThat(site.functions()).hasSize(28).contains("core_user_create_users", "enrol_manual_enrol_users");
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("core_webservice_get_site_info.json"));
    }

    @Test
    void userFoundByEmailWithEveryField() throws Exception {
        serve("core_user_get_users_by_field__email_hit.json");
        List<MoodleUser> users = client.getUsersByField(UserField.EMAIL, List.of("ana.garcia@example.com"));
        assertThat(users).singleElement().satisfies(u -> {
            assertThat(u.id()).isEqualTo(4);
            assertThat(u.username()).isEqualTo("ana.garcia");
            assertThat(u.fullName()).isEqualTo("Ana García");
            assertThat(u.email()).isEqualTo("ana.garcia@example.com");
            assertThat(u.idNumber()).isEqualTo("CSEC-L-0001");
            assertThat(u.country()).isEqualTo("AR");
            assertThat(u.city()).isEqualTo("Córdoba");
            assertThat(u.suspended()).isFalse();
            assertThat(u.customFields()).containsEntry("dni", "30111222");
        });
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("core_user_get_users_by_field__email_hit.json"));
    }

    @Test
    void missingMembersBecomeNulls() throws Exception {
        serve("core_user_get_users_by_field__after_bad_country.json");
        MoodleUser user = client.getUsersByField(UserField.USERNAME, List.of("bad.country")).get(0);
        assertThat(user.country()).as("country dropped by Moodle").isNull();
        assertThat(user.idNumber()).isNull();
        assertThat(user.customFields()).isEmpty();
    }

    @Test
    void severalIdNumbersInOneCall() throws Exception {
        serve("core_user_get_users_by_field__idnumber_hit_several.json");
        List<MoodleUser> users = client.getUsersByField(UserField.IDNUMBER,
                List.of("CSEC-L-0002", "CSEC-L-0003", "CSEC-L-9999"));
        assertThat(users).extracting(MoodleUser::idNumber).containsExactly("CSEC-L-0002", "CSEC-L-0003");
        assertThat(sentForm()).containsExactlyElementsOf(
                capturedForm("core_user_get_users_by_field__idnumber_hit_several.json"));
    }

    @Test
    void hiddenEmailsLeaveEmailNull() throws Exception {
        serve("core_user_get_users__criteria_bad_key.json");
        List<MoodleUser> users = client.searchUsers(List.of(new UserCriterion(UserCriterion.Key.IDNUMBER, "x")));
        assertThat(users).filteredOn(u -> u.id() >= 4).extracting(MoodleUser::email).containsOnlyNulls();
        assertThat(users).filteredOn(u -> u.id() == 2).extracting(MoodleUser::email).containsExactly("admin@example.com");
    }

    @Test
    void searchSendsCriteriaInBracketNotation() throws Exception {
        serve("core_user_get_users__criteria_email_and_idnumber.json");
        List<MoodleUser> users = client.searchUsers(List.of(
                new UserCriterion(UserCriterion.Key.EMAIL, "bruno.silva@example.com"),
                new UserCriterion(UserCriterion.Key.IDNUMBER, "CSEC-L-0002")));
        assertThat(users).extracting(MoodleUser::id).containsExactly(5L);
        assertThat(sentForm()).containsExactlyElementsOf(
                capturedForm("core_user_get_users__criteria_email_and_idnumber.json"));
    }

    @Test
    void courseByIdNumber() throws Exception {
        serve("core_course_get_courses_by_field__by_idnumber.json");
        List<MoodleCourse> courses = client.getCoursesByField(CourseField.IDNUMBER, "CSEC-101-2025");
        assertThat(courses).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(2);
            assertThat(c.shortName()).isEqualTo("CSEC-101");
            assertThat(c.completionEnabled()).isTrue();
            assertThat(c.visible()).isTrue();
            assertThat(c.startDate()).isEqualTo(1735689600L);
            assertThat(c.endDate()).isEqualTo(1767225600L);
        });
        assertThat(sentForm()).containsExactlyElementsOf(
                capturedForm("core_course_get_courses_by_field__by_idnumber.json"));
    }

    @Test
    void createdUsersComeBackWithIds() throws Exception {
        serve("core_user_create_users__several.json");
        BatchOutcome<NewUser, CreatedUser> outcome = client.createUsers(List.of(
                NewUser.learner("bruno.silva", "Bruno", "Silva", "bruno.silva@example.com", "CSEC-L-0002", "UY"),
                NewUser.learner("carla.perez", "Carla", "Pérez", "carla.perez@example.com", "CSEC-L-0003", "AR"),
                NewUser.learner("diego.rodriguez", "Diego", "Rodríguez", "diego.rodriguez@example.com", "CSEC-L-0004",
                        "UY")));
        assertThat(outcome.allSucceeded()).isTrue();
        assertThat(outcome.succeeded()).containsExactly(new CreatedUser(5, "bruno.silva"),
                new CreatedUser(6, "carla.perez"), new CreatedUser(7, "diego.rodriguez"));
        assertThat(sentForm()).contains("users[1][createpassword]=1", "users[1][auth]=manual",
                "users[1][username]=carla.perez", "users[1][firstname]=Carla", "users[1][lastname]=Pérez",
                "users[1][email]=carla.perez@example.com", "users[1][idnumber]=CSEC-L-0003", "users[1][country]=AR");
    }

    @Test
    void updateWarningsAreReturned() throws Exception {
        serve("core_user_update_users__email_taken.json");
        List<UserWarning> warnings = client.updateUsers(List.of(new UserUpdate(6, null, null, "ana.garcia@example.com",
                null, null, null, null, Map.of())));
        assertThat(warnings).containsExactly(new UserWarning(6, "useremailduplicate", "Duplicate address"));
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("core_user_update_users__email_taken.json"));
    }

    @Test
    void suspensionIsSentAsOneOrZero() throws Exception {
        serve("core_user_update_users__suspend.json");
        assertThat(client.updateUsers(List.of(new UserUpdate(7, null, null, null, null, null, null, true, Map.of()))))
                .isEmpty();
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("core_user_update_users__suspend.json"));
    }

    @Test
    void enrolmentAnsweredWithNullSucceeds() throws Exception {
        serve("enrol_manual_enrol_users__several.json");
        List<Enrolment> enrolments = List.of(Enrolment.student(4, 2, 0, 0), Enrolment.student(5, 2, 0, 0),
                Enrolment.student(6, 2, 1795304183L, 1803166583L));
        BatchOutcome<Enrolment, Enrolment> outcome = client.enrolUsers(enrolments);
        assertThat(outcome.succeeded()).containsExactlyElementsOf(enrolments);
        assertThat(sentForm()).contains("enrolments[2][roleid]=5", "enrolments[2][userid]=6",
                "enrolments[2][courseid]=2", "enrolments[2][timestart]=1795304183",
                "enrolments[2][timeend]=1803166583", "enrolments[2][suspend]=0");
    }

    @Test
    void unenrolment() throws Exception {
        serve("enrol_manual_unenrol_users.json");
        assertThat(client.unenrolUsers(List.of(new Unenrolment(11, 2))).allSucceeded()).isTrue();
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("enrol_manual_unenrol_users.json"));
    }

    @Test
    void enrolledUsersWithTheirGroups() throws Exception {
        serve("core_enrol_get_enrolled_users__by_group.json");
        List<EnrolledUser> users = client.getEnrolledUsers(2, 2, false);
        assertThat(users).extracting(EnrolledUser::username).containsExactly("bruno.silva", "diego.rodriguez");
        assertThat(users).allSatisfy(u -> assertThat(u.groups()).containsExactly("UY"));
        assertThat(sentForm()).contains("courseid=2", "options[1][name]=groupid", "options[1][value]=2");
    }

    @Test
    void enrolledUsersWithRoles() throws Exception {
        serve("core_enrol_get_enrolled_users.json");
        List<EnrolledUser> users = client.getEnrolledUsers(2, 0, false);
        assertThat(users).hasSize(4).allSatisfy(u -> assertThat(u.roles()).containsExactly("student"));
        assertThat(users.get(0).email()).isEqualTo("ana.garcia@example.com");
    }

    @Test
    void groups() throws Exception {
        serve("core_group_get_course_groups.json");
        List<MoodleGroup> groups = client.getCourseGroups(2);
        assertThat(groups).containsExactly(
                new MoodleGroup(1, 2, "AR", "Learners from Argentina", "CSEC-101-AR"),
                new MoodleGroup(2, 2, "UY", "Learners from Uruguay", "CSEC-101-UY"));
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("core_group_get_course_groups.json"));
    }

    @Test
    void membersOfSeveralGroupsInOneCall() throws Exception {
        serve("core_group_add_group_members.json");
        BatchOutcome<GroupMember, GroupMember> outcome = client.addGroupMembers(List.of(new GroupMember(1, 4),
                new GroupMember(1, 6), new GroupMember(2, 5), new GroupMember(2, 7)));
        assertThat(outcome.succeeded()).hasSize(4);
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("core_group_add_group_members.json"));
    }

    @Test
    void courseNotYetCompleted() throws Exception {
        serve("core_completion_get_course_completion_status__partial.json");
        CourseCompletion completion = client.getCourseCompletionStatus(2, 5);
        assertThat(completion.completed()).isFalse();
        assertThat(completion.anyCriterionComplete()).isTrue();
        assertThat(completion.criteria()).extracting(c -> c.complete()).containsExactly(true, false);
        assertThat(completion.criteria().get(1).timeCompleted()).as("null time").isZero();
        assertThat(completion.criteria().get(1).requirement()).isEqualTo("Viewing the assignment");
        assertThat(sentForm()).containsExactlyElementsOf(
                capturedForm("core_completion_get_course_completion_status__partial.json"));
    }

    @Test
    void courseCompletedAtTheLatestCriterion() throws Exception {
        serve("core_completion_get_course_completion_status__after_cron.json");
        CourseCompletion completion = client.getCourseCompletionStatus(2, 4);
        assertThat(completion.completed()).isTrue();
        assertThat(completion.latestCriterionTime()).hasValue(1795390628L);
    }

    @Test
    void selfCompletedButNotYetAggregated() throws Exception {
        serve("core_completion_get_course_completion_status__self_completed.json");
        CourseCompletion completion = client.getCourseCompletionStatus(3, 3);
        assertThat(completion.completed()).isFalse();
        assertThat(completion.criteria()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(1);
            assertThat(c.complete()).isTrue();
        });
    }

    @Test
    void activityCompletion() throws Exception {
        serve("core_completion_get_activities_completion_status__partial.json");
        List<ActivityCompletion> activities = client.getActivitiesCompletionStatus(2, 5);
        assertThat(activities).containsExactly(new ActivityCompletion(3, 5, "page", 1, 1795390608L, 1, 3),
                new ActivityCompletion(4, 5, "assign", 0, 0, 2, 0));
    }

    @Test
    void overrideToIncompleteKeepsTheOldTime() throws Exception {
        serve("core_completion_override_activity_completion_status__page_to_incomplete.json");
        ActivityCompletion page = client.overrideActivityCompletion(6, 3, false);
        assertThat(page.isComplete()).isFalse();
        assertThat(page.timeCompleted()).isEqualTo(1795390628L);
        assertThat(page.overriddenBy()).isEqualTo(3);
        assertThat(sentForm()).containsExactlyElementsOf(
                capturedForm("core_completion_override_activity_completion_status__page_to_incomplete.json"));
    }

    @Test
    void gradesOfOneLearner() throws Exception {
        serve("gradereport_user_get_grade_items.json");
        UserGrades grades = client.getGradeItems(2, 4);
        assertThat(grades.idNumber()).isEqualTo("CSEC-L-0001");
        assertThat(grades.items().get(0)).satisfies(i -> {
            assertThat(i.type()).isEqualTo("mod");
            assertThat(i.module()).isEqualTo("assign");
            assertThat(i.cmid()).isEqualTo(4);
            assertThat(i.grade()).isEqualTo(85.5);
            assertThat(i.gradeMax()).isEqualTo(100.0);
            assertThat(i.formatted()).isEqualTo("85.50");
        });
        assertThat(grades.courseTotal()).hasValueSatisfying(t -> assertThat(t.grade()).isEqualTo(85.5));
        assertThat(sentForm()).containsExactlyElementsOf(capturedForm("gradereport_user_get_grade_items.json"));
    }

    @Test
    void ungradedLearnersHaveNoGrade() throws Exception {
        serve("gradereport_user_get_grade_items__all_users.json");
        List<UserGrades> all = client.getGradeItems(2);
        assertThat(all).extracting(UserGrades::userId).containsExactly(4L, 6L, 7L, 5L);
        assertThat(all.get(1).items().get(0).grade()).isNull();
        assertThat(all.get(1).items().get(0).formatted()).isEqualTo("-");
        assertThat(all.get(3).items().get(0).grade()).isEqualTo(60.0);
    }

    @Test
    void undeliverableMessageIsAResultNotAnError() throws Exception {
        serve("core_message_send_instant_messages__nonexistent_user.json");
        MessageResult result = client.sendInstantMessage(new InstantMessage(999999, "nobody",
                InstantMessage.Format.HTML, "csec-msg-0006"));
        assertThat(result.delivered()).isFalse();
        assertThat(result.errorMessage()).contains("doesn't exist");
        assertThat(sentForm()).containsExactlyElementsOf(
                capturedForm("core_message_send_instant_messages__nonexistent_user.json"));
    }

    @Test
    void theMixedBatchBugSurfacesAsAnError() {
        serve("core_message_send_instant_messages__error_mixed_batch.json");
        assertThatThrownBy(() -> client.sendInstantMessage(new InstantMessage(4, "Hola", InstantMessage.Format.HTML,
                "csec-msg-0002")))
                .isInstanceOf(MoodleErrorException.class)
                .satisfies(e -> assertThat(((MoodleException) e).errorCode()).isEqualTo("formatnotsupported"));
    }
}
