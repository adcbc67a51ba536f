package org.iin.csec.course.domain.participant;

/** The face-to-face stage as the state evaluated it. */
public enum FaceToFaceResult {
    PENDING,
    PASSED,
    FAILED,
    ABSENT
}
