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
import org.iin.csec.course.domain.agreement.FaceToFacePlan;
import org.iin.csec.course.domain.agreement.LocalCoordinator;
import org.iin.csec.course.domain.agreement.Signatory;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;
import org.iin.csec.course.domain.participant.StateSeats;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** The IIN's agreements with the states: quotas, face-to-face plans, coordinators and signatories. */
@ApplicationScoped
public class AgreementService {

    /** Everything an agreement holds, as the course leader sets it. */
    public record AgreementTerms(int quota, FaceToFacePlan faceToFacePlan, LocalCoordinator localCoordinator,
                                 Signatory signatory) {
    }

    @Inject
    EditionService editionService;

    @Inject
    AgreementRepository agreements;

    @Inject
    ParticipantRepository participants;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    /**
     * Creates or replaces a state's agreement. A raised quota promotes waitlisted participants at once; a
     * quota below the seats held is refused.
     */
    @Transactional
    public StateSeats put(Account actor, String editionCode, String state, Supplier<AgreementTerms> input) {
        Access.requireAnyRole(actor, Role.COURSE_LEADER);
        // Read only once the caller may change agreements: a bad body tells others nothing.
        AgreementTerms terms = input.get();
        String stateCode = StateCode.of(state);
        Edition edition = editionService.find(editionCode);
        edition.requireAgreementChangesOpen();
        Agreement agreement = agreements.findForSeatChange(edition, stateCode).orElse(null);
        Snapshots.AgreementSnapshot before = null;
        StateSeats seats;
        if (agreement == null) {
            agreement = new Agreement(edition, stateCode, terms.quota());
            agreements.add(agreement);
            seats = new StateSeats(agreement, List.of());
        } else {
            before = Snapshots.of(agreement);
            seats = new StateSeats(agreement, participants.findAll(agreement));
            List<Participant> promoted = seats.changeQuota(terms.quota(), clock.instant());
            for (Participant p : promoted) {
                audit.record(actor.username(), "participant.promoted", "Participant", p.id(), editionCode, stateCode,
                        null, Snapshots.of(p));
            }
        }
        agreement.plan(terms.faceToFacePlan(), terms.localCoordinator(), terms.signatory());
        audit.record(actor.username(), before == null ? "agreement.created" : "agreement.changed", "Agreement",
                editionCode + "/" + stateCode, editionCode, stateCode, before, Snapshots.of(agreement));
        return seats;
    }

    @Transactional
    public StateSeats get(Account actor, String editionCode, String state) {
        String stateCode = StateCode.of(state);
        Access.requireStateVisible(actor, stateCode);
        Agreement agreement = find(editionService.find(editionCode), stateCode);
        return new StateSeats(agreement, participants.findAll(agreement));
    }

    /** The agreements the caller may see: all of them, or only their own state's. */
    @Transactional
    public List<StateSeats> list(Account actor, String editionCode) {
        Edition edition = editionService.find(editionCode);
        return agreements.findAll(edition).stream()
                .filter(a -> actor.maySeeState(a.stateCode()))
                .map(a -> new StateSeats(a, participants.findAllForSeats(a)))
                .toList();
    }

    Agreement find(Edition edition, String stateCode) {
        return agreements.find(edition, stateCode).orElseThrow(() ->
                new NotFound("The edition " + edition.code() + " has no agreement with " + stateCode + "."));
    }
}
