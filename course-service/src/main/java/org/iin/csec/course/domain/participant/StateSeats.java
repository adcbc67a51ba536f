package org.iin.csec.course.domain.participant;

import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.agreement.Agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state's seats in one edition: its agreement and every participant it proposed. All the seat rules
 * live here: a newcomer takes a free seat or joins the waitlist; a freed seat or a raised quota promotes
 * the first waitlisted at once; seats held never exceed the quota; no person is proposed twice.
 * Closing the state's face-to-face stage, which needs every result of the state's participants, is here too.
 * <p>
 * The caller must hold the agreement's seat lock (see
 * {@link org.iin.csec.course.domain.agreement.AgreementRepository#findForSeatChange}) while using it.
 */
public final class StateSeats {

    private final Agreement agreement;
    private final List<Participant> participants;

    public StateSeats(Agreement agreement, List<Participant> participants) {
        this.agreement = agreement;
        this.participants = new ArrayList<>(participants);
    }

    public long seatsHeld() {
        return participants.stream().filter(Participant::holdsSeat).count();
    }

    public long seatsFree() {
        return agreement.seatsFree(seatsHeld());
    }

    /** Waitlisted participants, first in line first. */
    public List<Participant> waitlist() {
        return participants.stream().filter(Participant::isWaitlisted).sorted(Participant.RANK_ORDER).toList();
    }

    /** Position in the waitlist, starting at 1, or 0 when the participant is not waitlisted. */
    public int waitlistPosition(Participant participant) {
        return waitlist().indexOf(participant) + 1;
    }

    /**
     * Proposes a person: they take a free seat, or join the waitlist when none is free. Without a rank they
     * come after everyone the state already ranked. No person is proposed twice in an edition: not by this state,
     * nor by another ({@code proposedByAnotherState}, which the caller reads from the other states' lists).
     */
    public Participant nominate(Nominee nominee, boolean proposedByAnotherState, Instant now) {
        requireNotProposedYet(nominee, proposedByAnotherState);
        int rank = nominee.rank() != null ? nominee.rank() : nextRank();
        ParticipantStatus status = seatsFree() > 0 ? ParticipantStatus.NOMINATED : ParticipantStatus.WAITLISTED;
        Participant participant = new Participant(agreement, nominee, rank, status, now);
        participants.add(participant);
        return participant;
    }

    /** Raises or lowers the quota (never below the seats held) and promotes whoever a raise lets in. */
    public List<Participant> changeQuota(int quota, Instant now) {
        agreement.changeQuota(quota, seatsHeld());
        return promoteWaitlisted(now);
    }

    public List<Participant> withdraw(Participant participant, Instant now) {
        own(participant).withdraw(now);
        return promoteWaitlisted(now);
    }

    public List<Participant> reject(Participant participant, Instant now) {
        own(participant).reject(now);
        return promoteWaitlisted(now);
    }

    /** Changes the state's rank of a participant; the waitlist follows the new order. */
    public void rank(Participant participant, int rank) {
        if (!Participant.isValidRank(rank)) {
            throw new RuleViolation("invalid-rank", "rank", Participant.RANK_RANGE);
        }
        own(participant).rankAs(rank);
    }

    /** The coordinator closes the state's face-to-face stage; every participant in the course needs a result first. */
    public void closeFaceToFace(Instant now) {
        agreement.closeFaceToFace(participants.stream().filter(Participant::awaitsFaceToFaceResult).count(), now);
    }

    /** Fills every free seat from the head of the waitlist. Returns who was promoted, in order. */
    public List<Participant> promoteWaitlisted(Instant now) {
        List<Participant> promoted = new ArrayList<>();
        List<Participant> line = waitlist();
        for (int i = 0; i < line.size() && seatsFree() > 0; i++) {
            line.get(i).promote(now);
            promoted.add(line.get(i));
        }
        return promoted;
    }

    private void requireNotProposedYet(Nominee nominee, boolean proposedByAnotherState) {
        String email = nominee.normalisedEmail();
        String document = nominee.normalisedIdentityDocument();
        if (proposedByAnotherState || participants.stream().anyMatch(p -> p.email().equals(email))) {
            throw new RuleViolation("duplicate-person", "email",
                    "A person with the e-mail " + email + " is already proposed in this edition.");
        }
        for (Participant p : participants) {
            if (document != null && document.equals(p.identityDocument())) {
                throw new RuleViolation("duplicate-person", "identityDocument",
                        "A person with the identity document " + nominee.identityDocument()
                                + " is already proposed by " + agreement.stateCode() + " in this edition.");
            }
        }
    }

    private int nextRank() {
        return participants.stream().mapToInt(Participant::rank).max().orElse(0) + 1;
    }

    private Participant own(Participant participant) {
        for (Participant p : participants) {
            if (p == participant || (p.id() != null && Objects.equals(p.id(), participant.id()))) {
                return p;
            }
        }
        throw new IllegalArgumentException("Participant " + participant.id() + " is not one of "
                + agreement.stateCode() + "'s participants");
    }

    public Agreement agreement() {
        return agreement;
    }

    public List<Participant> participants() {
        return List.copyOf(participants);
    }
}
