package org.iin.csec.moodle;

/**
 * A course as core_course_get_courses_by_field returns it.
 *
 * @param startDate Unix seconds, 0 when unset
 * @param endDate Unix seconds, 0 when unset
 */
public record MoodleCourse(long id, String shortName, String fullName, String idNumber, long categoryId,
        boolean visible, long startDate, long endDate, boolean completionEnabled) {
}
