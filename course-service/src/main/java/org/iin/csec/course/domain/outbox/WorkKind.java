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
    CERTIFICATE_HANDOFF,
    /** A correction made the participant ineligible: cancel the certificate (or ask for its revocation). */
    CERTIFICATE_CANCEL,
    /** Mark the participant's face-to-face activity complete in Moodle, so Moodle's course completion agrees. */
    MOODLE_FACE_TO_FACE,
    /** Send an e-mail (a notification to a coordinator or the course leader). */
    EMAIL,
    /** Send the participant an instant message in Moodle (their certificate's link). */
    MOODLE_MESSAGE
}
