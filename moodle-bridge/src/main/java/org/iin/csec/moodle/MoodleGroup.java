package org.iin.csec.moodle;

/** A group of a course; the bridge names each state's group by its ISO 3166-1 alpha-2 code, e.g. "AR". */
public record MoodleGroup(long id, long courseId, String name, String description, String idNumber) {
}
