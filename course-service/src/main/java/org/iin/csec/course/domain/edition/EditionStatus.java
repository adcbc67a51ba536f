package org.iin.csec.course.domain.edition;

/** Where an edition stands; it only moves forward, one step at a time. */
public enum EditionStatus {
    DRAFT,
    NOMINATIONS_OPEN,
    ONLINE_STAGE,
    FACE_TO_FACE_STAGE,
    CLOSED;

    /** The status that follows this one, or null for CLOSED. */
    public EditionStatus next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }
}
