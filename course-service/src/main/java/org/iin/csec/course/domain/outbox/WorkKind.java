package org.iin.csec.course.domain.outbox;

/** What an outbox item asks another system to do. */
public enum WorkKind {
    /** Create or match the participant's Moodle user, enrol them, put them in their state's group. */
    MOODLE_ENROL,
    /** Take a withdrawn participant out of the Moodle course. */
    MOODLE_UNENROL,
    /** Read the participant's online-stage completion from Moodle. */
    MOODLE_COMPLETION,
    /** Hand an eligible participant to certificate-service. */
    CERTIFICATE_HANDOFF
}
