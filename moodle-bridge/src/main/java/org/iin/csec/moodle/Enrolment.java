package org.iin.csec.moodle;

/**
 * A manual enrolment for enrol_manual_enrol_users. Enrolling someone already enrolled is safe: Moodle keeps one
 * enrolment and overwrites its dates and suspension with these.
 *
 * @param timeStart Unix seconds, 0 for none
 * @param timeEnd Unix seconds, 0 for none
 */
public record Enrolment(long userId, long courseId, int roleId, long timeStart, long timeEnd, boolean suspended) {

    /** Moodle's default student role. */
    public static final int STUDENT_ROLE_ID = 5;

    public Enrolment {
        if (timeStart < 0 || timeEnd < 0 || (timeEnd != 0 && timeEnd <= timeStart)) {
            throw new IllegalArgumentException("The enrolment must end after it starts: " + timeStart + ".." + timeEnd);
        }
    }

    /** An active student enrolment between two dates (0 for open-ended). */
    public static Enrolment student(long userId, long courseId, long timeStart, long timeEnd) {
        return new Enrolment(userId, courseId, STUDENT_ROLE_ID, timeStart, timeEnd, false);
    }
}
