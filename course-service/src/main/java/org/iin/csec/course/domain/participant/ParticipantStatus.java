package org.iin.csec.course.domain.participant;

/** A participant's place in the edition (DESIGN §2). */
public enum ParticipantStatus {
    NOMINATED,
    WAITLISTED,
    ACCEPTED,
    REJECTED,
    ENROLLED,
    CERTIFIED,
    WITHDRAWN;

    /** Statuses that occupy one of the state's seats. */
    public boolean holdsSeat() {
        return this == NOMINATED || this == ACCEPTED || this == ENROLLED || this == CERTIFIED;
    }
}
