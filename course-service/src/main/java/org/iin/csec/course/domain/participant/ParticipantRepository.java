package org.iin.csec.course.domain.participant;

import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;

import java.util.List;
import java.util.Optional;

public interface ParticipantRepository {

    Optional<Participant> find(Edition edition, long id);

    /**
     * The participant, read after taking their state's agreement lock: every change to a participant is made
     * under that lock, so background work (Moodle, certificates) and people never overwrite each other.
     */
    Optional<Participant> findForChange(long id);

    /** Every participant the state proposed in the edition, whatever their status. */
    List<Participant> findAll(Agreement agreement);

    /**
     * The same participants as {@link #findAll}, with only what the seat rules read loaded at once (status, rank,
     * e-mail, identity document, when nominated); anything else is read on first use, one participant at a time.
     * For counting seats and placing newcomers, not for showing or changing people.
     */
    List<Participant> findAllForSeats(Agreement agreement);

    /** Participants of an edition, optionally only one state's and only in one status. */
    List<Participant> search(Edition edition, String stateCode, ParticipantStatus status);

    /** The state-independent part of "never twice in an edition": the same e-mail in any state. */
    Optional<Participant> findByEmail(Edition edition, String normalisedEmail);

    /**
     * Enrolled participants whose online stage Moodle has not reported completed yet, in editions linked to their
     * Moodle course and in their online or face-to-face stage: one edition's ({@code editionCode}), or all (null).
     */
    List<Participant> findOnlineStageToRead(String editionCode);

    void add(Participant participant);

    List<Long> someMoodleUserIds(int count);
}
