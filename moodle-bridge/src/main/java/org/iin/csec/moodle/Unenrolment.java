package org.iin.csec.moodle;

/** Removes a user's manual enrolment from a course (enrol_manual_unenrol_users); harmless if not enrolled. */
public record Unenrolment(long userId, long courseId) {
}
