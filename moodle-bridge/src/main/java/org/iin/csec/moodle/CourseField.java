package org.iin.csec.moodle;

/** The fields core_course_get_courses_by_field can look courses up by. */
public enum CourseField {
    ID("id"),
    /** A comma-separated list of ids. */
    IDS("ids"),
    SHORTNAME("shortname"),
    IDNUMBER("idnumber"),
    CATEGORY("category");

    final String wsName;

    CourseField(String wsName) {
        this.wsName = wsName;
    }
}
