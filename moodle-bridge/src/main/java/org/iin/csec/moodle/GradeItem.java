package org.iin.csec.moodle;

/**
 * One grade of a learner (gradereport_user_get_grade_items).
 *
 * @param type "mod" for an activity, "course" for the course total
 * @param module the activity type for "mod" items, else null
 * @param cmid the activity's course module id, 0 for the course total
 * @param grade the raw grade, null while ungraded
 * @param formatted Moodle's display, e.g. "85.50", or "-" while ungraded
 * @param dateGraded Unix seconds, 0 while ungraded
 */
public record GradeItem(long id, String name, String type, String module, long cmid, Double grade, double gradeMin,
        double gradeMax, String formatted, String percentageFormatted, long dateGraded) {
}
