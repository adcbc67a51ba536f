package org.iin.csec.moodle.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.iin.csec.moodle.emulator.CompletionRule;
import org.iin.csec.moodle.emulator.MoodleEmulator;

/**
 * The order in which the captures were made, worked out from the README's set-up and from the bodies themselves
 * (ids, which users exist, carla's surname before and after her update, who shares a course, what is complete), with
 * the set-up done inside Moodle (activities, completion criteria, grades, capabilities, debugging, the completion
 * cron) at the points it happened. Replaying the captures before a file puts the emulator in the state that file
 * needed.
 */
final class ContractTimeline {

    /** A step: replay a capture, or change the site the way the capturer did inside Moodle. */
    record Step(String capture, String setUp, Consumer<MoodleEmulator> action) {
        static Step capture(String file) {
            return new Step(file, null, null);
        }

        static Step setUp(String what, Consumer<MoodleEmulator> action) {
            return new Step(null, what, action);
        }

        boolean isCapture() {
            return capture != null;
        }

        @Override
        public String toString() {
            return isCapture() ? capture : "set-up: " + setUp;
        }
    }

    private static final String VIEW_USER_IDENTITY = "moodle/site:viewuseridentity";
    private static final String ASSIGN_VIEW = "mod/assign:view";
    private static final String MESSAGE_ANY_USER = "moodle/site:messageanyuser";

    private final List<Step> steps = new ArrayList<>();

    private ContractTimeline() {
    }

    static List<Step> steps() {
        ContractTimeline t = new ContractTimeline();
        t.setUp("custom profile field dni; the web-service role starts without viewuseridentity", m -> {
            m.addProfileField("dni", "National ID (DNI)");
            m.revokeCapability(VIEW_USER_IDENTITY);
        });
        t.captures("core_webservice_get_site_info.json", "format_xml__core_webservice_get_site_info.json",
                "error__empty_token.json", "error__invalid_token.json", "error__function_does_not_exist.json",
                "error__function_not_in_service.json");

        t.captures("core_course_create_courses__one.json", "core_course_create_courses__second.json",
                "core_course_create_courses__error_duplicate_shortname.json", "error__invalid_parameter_int.json",
                "error__missing_parameter.json", "error__nonexistent_course_id.json", "format_xml__exception.json");
        t.setUp("activities and completion criteria made inside Moodle", m -> {
            m.addActivity(2, 0, "forum", "Announcements", CompletionRule.NONE); // cmid 1
            m.addActivity(3, 0, "forum", "Announcements", CompletionRule.NONE); // cmid 2
            m.addActivity(2, 1, "page", "Welcome page (manual completion)", CompletionRule.MANUAL); // cmid 3
            m.addActivity(2, 1, "assign", "Final assignment (completion on view)", CompletionRule.ON_VIEW); // 4
            m.addGradeItem(4, 100, "CSEC101-ASSIGN");
            m.requireActivityCompletion(2);
            m.requireSelfCompletion(3);
        });
        t.captures("core_course_get_courses_by_field__by_id.json", "core_course_get_courses_by_field__by_idnumber.json",
                "core_course_get_courses_by_field__by_shortname.json",
                "core_course_get_courses_by_field__id_non_numeric.json", "core_course_get_courses_by_field__miss.json",
                "core_course_get_courses_by_field__nonexistent_id.json",
                "format_xml__omitted_format_defaults_to_xml.json", "core_course_get_courses__all.json",
                "core_course_get_courses__by_ids.json", "core_course_get_courses__nonexistent_id.json");

        // Users, first while the caller cannot see e-mail addresses.
        t.captures("core_user_create_users__one.json", "core_user_create_users__several.json",
                "core_user_get_users__criteria_bad_key.json",
                "core_user_get_users_by_field__email_hidden_without_viewuseridentity.json",
                "core_user_get_users_by_field__email_case_hidden_without_viewuseridentity.json",
                "core_user_get_users_by_field__email_miss_without_viewuseridentity.json",
                "core_user_get_users__criteria_email_hidden_without_viewuseridentity.json",
                // no e-mail in these two answers: captured before the grant
                "core_user_get_users__criteria_idnumber.json", "core_user_get_users__criteria_lastname_wildcard.json");
        t.setUp("viewuseridentity granted", m -> m.grantCapability(VIEW_USER_IDENTITY));
        t.captures("core_user_get_users_by_field__idnumber_hit.json", "core_user_get_users_by_field__idnumber_miss.json",
                "core_user_get_users_by_field__id.json", "core_user_get_users_by_field__username_hit.json",
                "core_user_get_users_by_field__email_hit.json", "core_user_get_users_by_field__email_case.json",
                "core_user_get_users_by_field__email_miss.json", "core_user_get_users__criteria_email.json",
                "core_user_get_users__criteria_email_and_idnumber.json", "core_user_get_users__criteria_miss.json",
                "core_user_get_users_by_field__error_bad_field.json");
        for (String error : List.of("username_exists", "email_exists", "invalid_email", "missing_required",
                "no_password", "uppercase_username")) {
            t.captures("core_user_create_users__error_" + error + ".json");
            t.debug("core_user_create_users__error_" + error + "__debug.json");
        }
        t.captures("core_user_create_users__error_weak_password.json",
                "core_user_create_users__error_batch_one_bad.json"); // consumes id 8
        t.debug("core_user_create_users__error_batch_one_bad__debug.json"); // consumes id 9
        t.captures("core_user_get_users_by_field__username_miss.json", "core_user_create_users__bad_country_accepted.json",
                "core_user_get_users_by_field__after_bad_country.json",
                "core_user_create_users__unknown_customfield_ignored.json", "core_user_update_users.json",
                "core_user_update_users__email_taken.json", "core_user_update_users__nonexistent_id.json",
                "core_user_update_users__suspend.json", "core_user_update_users__unsuspend.json",
                "core_user_get_users_by_field__idnumber_hit_several.json");

        t.captures("enrol_manual_enrol_users__several.json", "enrol_manual_enrol_users__suspend.json",
                "enrol_manual_enrol_users__reactivate.json", "enrol_manual_enrol_users__again_same.json",
                "enrol_manual_enrol_users__again_new_dates.json", "format_xml__null_return.json",
                "enrol_manual_enrol_users__error_nonexistent_course.json",
                "enrol_manual_enrol_users__error_nonexistent_user.json",
                "enrol_manual_enrol_users__error_role_not_assignable.json", "core_enrol_get_enrolled_users.json",
                "core_enrol_get_enrolled_users__options.json", "core_enrol_get_enrolled_users__nonexistent_course.json",
                "enrol_manual_enrol_users__single.json", "enrol_manual_unenrol_users.json",
                "enrol_manual_unenrol_users__not_enrolled.json", "enrol_manual_unenrol_users__nonexistent_course.json",
                "enrol_manual_unenrol_users__nonexistent_user.json", "core_enrol_get_users_courses.json");

        t.captures("core_group_create_groups.json", "core_group_create_groups__error_duplicate_name.json",
                "core_group_get_course_groups.json", "core_group_add_group_members.json",
                "core_group_add_group_members__again.json", "core_group_add_group_members__error_not_enrolled.json",
                "core_group_get_group_members.json", "core_enrol_get_enrolled_users__by_group.json");

        t.captures("core_cohort_create_cohorts.json", "core_cohort_create_cohorts__error_duplicate_idnumber.json",
                "core_cohort_add_cohort_members.json", "core_cohort_add_cohort_members__again.json",
                "core_cohort_get_cohort_members.json");

        t.captures("core_completion_get_course_completion_status__before.json",
                "core_completion_get_course_completion_status__error_not_enrolled.json",
                "core_completion_get_course_completion_status__nonexistent_course.json",
                "core_completion_get_activities_completion_status__before.json");
        t.setUp("mod/assign:view taken from the web-service role", m -> m.revokeCapability(ASSIGN_VIEW));
        t.captures("core_completion_get_activities_completion_status__before_missing_mod_view_cap.json",
                "core_course_get_contents__missing_mod_view_cap.json",
                "core_completion_override_activity_completion_status__error_missing_mod_view_cap.json",
                "core_completion_override_activity_completion_status__page.json",
                "core_completion_override_activity_completion_status__partial_other_user.json",
                "core_completion_get_activities_completion_status__missing_mod_view_cap.json",
                "core_completion_get_activities_completion_status__partial_missing_mod_view_cap.json",
                "core_completion_update_activity_completion_status_manually__caller_not_enrolled.json");
        t.setUp("mod/assign:view given back", m -> m.grantCapability(ASSIGN_VIEW));
        t.captures("core_course_get_contents.json", "core_completion_get_activities_completion_status__partial.json",
                "core_completion_get_course_completion_status__partial.json",
                "core_completion_override_activity_completion_status__assign.json",
                "core_completion_get_activities_completion_status__after_override.json",
                "core_completion_get_course_completion_status__after_activities_before_cron.json",
                "core_enrol_get_users_courses__completed.json");
        t.setUp("carla's page overridden to complete (not captured)", m -> m.completeActivity(6, 3));
        t.captures("core_completion_override_activity_completion_status__page_to_incomplete.json",
                "core_completion_get_course_completion_status__criterion_kept_after_reset.json",
                "core_completion_override_activity_completion_status__cm_without_completion.json",
                "core_completion_override_activity_completion_status__error_bad_state.json");

        t.setUp("assignment grades entered inside Moodle: ana 85.5, bruno 60", m -> {
            m.setGrade(4, 4, 85.5);
            m.setGrade(4, 5, 60);
        });
        t.captures("gradereport_user_get_grade_items.json", "gradereport_user_get_grade_items__all_users.json",
                "gradereport_user_get_grade_items__nonexistent_course.json", "core_grades_get_gradeitems.json");

        t.captures("enrol_manual_enrol_users__self_into_course2.json", "core_completion_mark_course_self_completed.json",
                "core_completion_mark_course_self_completed__wrong_course.json",
                "core_completion_get_course_completion_status__self_completed.json");
        t.setUp("completion_regular_task and completion_daily_task run", MoodleEmulator::runCompletionTasks);
        t.captures("core_completion_get_course_completion_status__self_completed_after_cron.json",
                "core_completion_get_course_completion_status__after_cron.json");

        t.setUp("moodle/site:messageanyuser taken away", m -> m.revokeCapability(MESSAGE_ANY_USER));
        t.captures("core_message_send_instant_messages__blocked_by_privacy.json");
        t.setUp("moodle/site:messageanyuser given back", m -> m.grantCapability(MESSAGE_ANY_USER));
        t.captures("core_message_send_instant_messages__error_mixed_batch.json",
                "core_message_send_instant_messages.json", "core_message_send_instant_messages__nonexistent_user.json");
        return List.copyOf(t.steps);
    }

    private void captures(String... files) {
        for (String file : files) {
            steps.add(Step.capture(file));
        }
    }

    /** A capture made with site debugging at DEVELOPER level, which adds debuginfo to error bodies. */
    private void debug(String file) {
        setUp("debugging on", m -> m.setDebugging(true));
        captures(file);
        setUp("debugging off", m -> m.setDebugging(false));
    }

    private void setUp(String what, Consumer<MoodleEmulator> action) {
        steps.add(Step.setUp(what, action));
    }
}
