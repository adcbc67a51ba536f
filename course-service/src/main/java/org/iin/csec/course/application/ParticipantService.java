package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.StateCode;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.AgreementRepository;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;
import org.iin.csec.course.domain.participant.ParticipantStatus;
import org.iin.csec.course.domain.participant.StateSeats;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One participant at a time: reading, and the course leader's and the state's decisions about them. */
@ApplicationScoped
public class ParticipantService {

    @Inject
    EditionService editionService;

    @Inject
    AgreementRepository agreements;

    @Inject
    ParticipantRepository participants;

    @Inject
    AuditRecorder audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A participant of another state is "not found" for a state-bound caller: its existence is not theirs to know. */
    @Transactional
    public Participant get(Account actor, String editionCode, long id) {
        return findVisible(actor, editionService.find(editionCode), id);
    }

    /** Participants of the edition; a state-bound caller sees only their own state, whatever the filter says. */
    @Transactional
    public List<Participant> search(Account actor, String editionCode, String state, ParticipantStatus status) {
        Edition edition = editionService.find(editionCode);
        String stateCode = state == null || state.isBlank() ? null : StateCode.of(state);
        if (!actor.hasCourseWideRole()) {
            if (stateCode != null) {
                Access.requireStateVisible(actor, stateCode);
            }
            stateCode = actor.stateCode();
        }
        return participants.search(edition, stateCode, status);
    }

    @Transactional
    public Participant accept(Account actor, String editionCode, long id) {
        Access.requireAnyRole(actor, Role.COURSE_LEADER);
        Edition edition = openForSelection(editionCode);
        StateSeats seats = lockSeatsOf(edition, findVisible(actor, edition, id));
        Participant participant = own(seats, id);
        var before = Snapshots.of(participant);
        participant.accept(clock.instant());
        // Same transaction: the participant is accepted exactly when Moodle work for them exists.
        outbox.add(new OutboxItem(WorkKind.MOODLE_ENROL, editionCode, id, clock.instant()));
        audit.record(actor.username(), "participant.accepted", "Participant", id, editionCode, participant.stateCode(),
                before, Snapshots.of(participant));
        return participant;
    }

    @Transactional
    public Participant reject(Account actor, String editionCode, long id, String reason) {
        Access.requireAnyRole(actor, Role.COURSE_LEADER);
        Edition edition = openForSelection(editionCode);
        StateSeats seats = lockSeatsOf(edition, findVisible(actor, edition, id));
        Participant participant = own(seats, id);
        var before = Snapshots.of(participant);
        Instant now = clock.instant();
        List<Participant> promoted = seats.reject(participant, now);
        audit.record(actor.username(), "participant.rejected", "Participant", id, editionCode, participant.stateCode(),
                before, Map.of("status", participant.status().name(), "reason", reason == null ? "" : reason));
        recordPromotions(actor, editionCode, promoted);
        return participant;
    }

    /** The state's coordinator or the course leader withdraws a participant; the first waitlisted takes the seat. */
    @Transactional
    public Participant withdraw(Account actor, String editionCode, long id, String reason) {
        Edition edition = editionService.find(editionCode);
        Participant found = findVisible(actor, edition, id);
        if (!actor.hasRole(Role.COURSE_LEADER)) {
            Access.requireActingFor(actor, Role.STATE_COORDINATOR, found.stateCode());
        }
        edition.requireWithdrawalsOpen();
        StateSeats seats = lockSeatsOf(edition, found);
        Participant participant = own(seats, id);
        var before = Snapshots.of(participant);
        boolean inMoodle = participant.belongsInMoodle();
        Instant now = clock.instant();
        List<Participant> promoted = seats.withdraw(participant, now);
        if (inMoodle) {
            outbox.add(new OutboxItem(WorkKind.MOODLE_UNENROL, editionCode, id, now));
        }
        audit.record(actor.username(), "participant.withdrawn", "Participant", id, editionCode, participant.stateCode(),
                before, Map.of("status", participant.status().name(), "reason", reason == null ? "" : reason));
        recordPromotions(actor, editionCode, promoted);
        return participant;
    }

    /** certificate-service reports the participant's certificate signed by both parties and delivered. */
    @Transactional
    public Participant certified(String service, String editionCode, long id, String certificateNumber,
                                 String verificationUrl) {
        Participant participant = participants.find(editionService.find(editionCode), id)
                .flatMap(found -> participants.findForChange(found.id()))
                .orElseThrow(() -> new NotFound("There is no participant " + id + " in " + editionCode + "."));
        if (participant.status() != ParticipantStatus.CERTIFIED) {
            var before = Snapshots.of(participant);
            participant.certify(clock.instant());
            audit.record(service, "participant.certified", "Participant", id, editionCode, participant.stateCode(),
                    before, Map.of("status", participant.status().name(), "certificate", String.valueOf(certificateNumber)));
            // The learner also hears it in Moodle, with the link to check their certificate.
            if (participant.moodleUserId() != null && verificationUrl != null) {
                outbox.add(OutboxItem.moodleMessage(editionCode, id, "Su certificado " + certificateNumber
                        + " está firmado y fue enviado a su correo. / Your certificate " + certificateNumber
                        + " is signed and was sent to your e-mail. " + verificationUrl, clock.instant()));
            }
        }
        return participant;
    }

    /** Moodle accounts of a few participants the sync already reached (for the connection check). */
    @Transactional
    public List<Long> someMoodleUserIds(int count) {
        return participants.someMoodleUserIds(count);
    }

    private void recordPromotions(Account actor, String editionCode, List<Participant> promoted) {
        for (Participant p : promoted) {
            audit.record(actor.username(), "participant.promoted", "Participant", p.id(), editionCode, p.stateCode(),
                    null, Snapshots.of(p));
        }
    }

    /** The edition, once it takes the course leader's decisions on nominations. */
    private Edition openForSelection(String editionCode) {
        Edition edition = editionService.find(editionCode);
        edition.requireSelectionOpen();
        return edition;
    }

    /** Takes the state's seat lock, then re-reads its participants so the decision sees the latest seats. */
    private StateSeats lockSeatsOf(Edition edition, Participant participant) {
        Agreement agreement = agreements.findForSeatChange(edition, participant.stateCode()).orElseThrow();
        return new StateSeats(agreement, participants.findAll(agreement));
    }

    private static Participant own(StateSeats seats, long id) {
        return seats.participants().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    private Participant findVisible(Account actor, Edition edition, long id) {
        return participants.find(edition, id)
                .filter(p -> actor.maySeeState(p.stateCode()))
                .orElseThrow(() -> new NotFound("There is no participant " + id + " in " + edition.code() + "."));
    }
}
