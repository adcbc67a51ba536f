package org.iin.csec.certificate.application;

import org.iin.csec.chassis.outbox.Outcome;

/** Tells course-service about certificates (implemented over HTTP with the shared service token). */
public interface CourseNotifier {

    /**
     * The participant's certificate was delivered: course-service marks them CERTIFIED. Idempotent on its side.
     *
     * @return done, to be retried (network, 5xx) or failed for good (refused)
     */
    Outcome certified(long participantId, String editionCode, String certificateNumber, String verificationUrl);
}
