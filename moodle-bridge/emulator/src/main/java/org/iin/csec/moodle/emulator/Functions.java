package org.iin.csec.moodle.emulator;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** The web-service functions the emulator knows: the ones in the bridge's external service, and a few others. */
final class Functions {

    /** The external service's functions, in the order core_webservice_get_site_info lists them. */
    static final List<String> SERVICE = List.of(
            "core_webservice_get_site_info",
            "core_course_create_courses",
            "core_course_get_courses_by_field",
            "core_course_get_courses",
            "core_course_get_contents",
            "core_user_create_users",
            "core_user_get_users_by_field",
            "core_user_get_users",
            "core_user_update_users",
            "enrol_manual_enrol_users",
            "enrol_manual_unenrol_users",
            "core_enrol_get_enrolled_users",
            "core_enrol_get_users_courses",
            "core_group_create_groups",
            "core_group_get_course_groups",
            "core_group_add_group_members",
            "core_group_get_group_members",
            "core_cohort_create_cohorts",
            "core_cohort_add_cohort_members",
            "core_cohort_get_cohort_members",
            "core_completion_get_activities_completion_status",
            "core_completion_update_activity_completion_status_manually",
            "core_completion_override_activity_completion_status",
            "core_completion_get_course_completion_status",
            "core_completion_mark_course_self_completed",
            "gradereport_user_get_grade_items",
            "core_grades_get_gradeitems",
            "core_message_send_instant_messages");

    /** Real Moodle functions that are not in the service: calling them gives accessexception, not invalidrecord. */
    static final List<String> OUTSIDE_SERVICE = List.of(
            "core_course_delete_courses",
            "core_course_update_courses",
            "core_user_delete_users",
            "core_group_delete_groups",
            "core_group_delete_group_members",
            "core_role_assign_roles",
            "core_cohort_delete_cohorts");

    private Functions() {
    }

    static boolean exists(String function) {
        return SERVICE.contains(function) || OUTSIDE_SERVICE.contains(function);
    }

    /** Plugin functions carry the plugin's version; core functions carry Moodle's. */
    static String version(String function) {
        return function.startsWith("enrol_") || function.startsWith("gradereport_") ? "2024100700" : "2024100706";
    }

    /** One function's implementation over the site. */
    @FunctionalInterface
    interface Handler {
        JsonValue handle(Call call) throws WsError;
    }

    /** One request: the site, the caller and the decoded parameters. */
    record Call(Site site, FormParams params) {
        long caller() {
            return site.callerId;
        }

        long now() {
            return site.now();
        }
    }

    static Map<String, Handler> handlers() {
        Map<String, Handler> handlers = new java.util.HashMap<>();
        SiteFunctions.register(handlers);
        UserFunctions.register(handlers);
        CourseFunctions.register(handlers);
        EnrolFunctions.register(handlers);
        GroupFunctions.register(handlers);
        CohortFunctions.register(handlers);
        CompletionFunctions.register(handlers);
        GradeFunctions.register(handlers);
        MessageFunctions.register(handlers);
        return handlers;
    }
}
