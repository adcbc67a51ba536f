package org.iin.csec.course.domain.agreement;

/** How a state delivers its face-to-face stage. */
public enum Modality {
    IN_PERSON,
    HYBRID,
    VIRTUAL_LIVE
}
