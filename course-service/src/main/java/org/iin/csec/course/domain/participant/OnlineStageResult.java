package org.iin.csec.course.domain.participant;

/** The online stage as Moodle reports it. */
public enum OnlineStageResult {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    NOT_COMPLETED
}
