package org.iin.csec.moodle.emulator;

/**
 * The demo's course in an emulated Moodle: two online activities and the face-to-face one, completion required of
 * every activity. One definition for the demo run (moodle-emulator-demo) and the service's tests, which both link the
 * demo edition to it.
 *
 * @param courseId            the Moodle course the demo edition uses
 * @param faceToFaceActivityId the course module marked complete when a state records a pass
 */
public record DemoCourse(long courseId, long faceToFaceActivityId) {

    public static final String SHORT_NAME = "CSEC-101";

    /** Creates the course in {@code moodle}, which must not have it yet. */
    public static DemoCourse createIn(MoodleEmulator moodle) {
        long course = moodle.createCourse(SHORT_NAME, "Curso semipresencial ESCNNA", "CSEC-101-DEMO");
        moodle.addActivity(course, 1, "page", "Módulo 1: conceptos", CompletionRule.MANUAL);
        moodle.addActivity(course, 1, "assign", "Trabajo final en línea", CompletionRule.MANUAL);
        long faceToFace = moodle.addActivity(course, 1, "page", "Etapa presencial", CompletionRule.MANUAL);
        moodle.requireActivityCompletion(course);
        return new DemoCourse(course, faceToFace);
    }
}
