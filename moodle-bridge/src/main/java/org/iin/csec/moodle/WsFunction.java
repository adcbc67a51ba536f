package org.iin.csec.moodle;

/**
 * The Moodle web-service functions the bridge calls. Moodle's external service must hold every one of them; the
 * {@link MoodleConnectionCheck} reports the missing ones.
 */
public enum WsFunction {
    SITE_INFO("core_webservice_get_site_info"),
    COURSES_BY_FIELD("core_course_get_courses_by_field"),
    USERS_BY_FIELD("core_user_get_users_by_field"),
    SEARCH_USERS("core_user_get_users"),
    CREATE_USERS("core_user_create_users"),
    UPDATE_USERS("core_user_update_users"),
    ENROL_USERS("enrol_manual_enrol_users"),
    UNENROL_USERS("enrol_manual_unenrol_users"),
    ENROLLED_USERS("core_enrol_get_enrolled_users"),
    CREATE_GROUPS("core_group_create_groups"),
    COURSE_GROUPS("core_group_get_course_groups"),
    ADD_GROUP_MEMBERS("core_group_add_group_members"),
    COURSE_COMPLETION_STATUS("core_completion_get_course_completion_status"),
    ACTIVITIES_COMPLETION_STATUS("core_completion_get_activities_completion_status"),
    OVERRIDE_ACTIVITY_COMPLETION("core_completion_override_activity_completion_status"),
    USER_GRADE_ITEMS("gradereport_user_get_grade_items"),
    SEND_INSTANT_MESSAGES("core_message_send_instant_messages");

    private final String wsName;

    WsFunction(String wsName) {
        this.wsName = wsName;
    }

    /** The function's name in Moodle, e.g. {@code core_user_create_users}. */
    public String wsName() {
        return wsName;
    }
}
