package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.domain.StateCode;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.AgreementRepository;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.Nominee;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;
import org.iin.csec.course.domain.participant.StateSeats;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * State coordinators propose their candidates, one at a time or as a CSV file. Every nomination takes the
 * agreement's seat lock first, so concurrent nominations queue per state and never overfill the quota.
 */
@ApplicationScoped
public class NominationService {

    /** The nominee and where they landed: a seat, or a place in the waitlist. */
    public record Nomination(Participant participant, int waitlistPosition) {
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

    @Transactional
    public Nomination nominate(Account actor, String editionCode, String state, Nominee nominee) {
        StateSeats seats = lockSeatsForNewcomers(actor, editionCode, state);
        nominee.requireValid();
        requireNoOtherStateHas(seats.agreement().edition(), nominee);
        Participant participant = seats.nominate(nominee, clock.instant());
        participants.add(participant);
        audit.record(actor.username(), "participant.nominated", "Participant", participant.id(), editionCode,
                seats.agreement().stateCode(), null, Snapshots.of(participant));
        return new Nomination(participant, seats.waitlistPosition(participant));
    }

    /**
     * Imports a CSV file of nominees: every row is imported, or none. The report lists each row with its
     * outcome or its problems. With {@code dryRun} nothing is saved, whatever the outcome.
     */
    @Transactional
    public ImportReport importCsv(Account actor, String editionCode, String state, byte[] csv, boolean dryRun) {
        StateSeats seats = lockSeatsForNewcomers(actor, editionCode, state);
        List<NomineeCsv.Row> rows = NomineeCsv.parse(csv);
        Instant now = clock.instant();
        List<ImportReport.RowReport> reports = new ArrayList<>();
        List<Participant> created = new ArrayList<>();
        for (NomineeCsv.Row row : rows) {
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            Participant participant = null;
            if (problems.isEmpty()) {
                problems.addAll(row.nominee().problems());
            }
            if (problems.isEmpty()) {
                try {
                    requireNoOtherStateHas(seats.agreement().edition(), row.nominee());
                    participant = seats.nominate(row.nominee(), now);
                    created.add(participant);
                } catch (RuleViolation violation) {
                    problems.add(new FieldProblem(violation.field(), violation.getMessage()));
                }
            }
            reports.add(new ImportReport.RowReport(row.line(), row.nominee() == null ? null : row.nominee().email(),
                    problems, participant));
        }
        ImportReport report = new ImportReport(reports, seats);
        if (!report.accepted()) {
            // Nothing was added to the database yet: the rows' participants exist only in memory.
            throw new ImportReport.Rejected(report);
        }
        if (!dryRun) {
            for (Participant participant : created) {
                participants.add(participant);
                audit.record(actor.username(), "participant.nominated", "Participant", participant.id(), editionCode,
                        seats.agreement().stateCode(), null, Snapshots.of(participant));
            }
        }
        return report;
    }

    /** Changes a participant's rank in the state's order; the waitlist follows. */
    @Transactional
    public StateSeats rank(Account actor, String editionCode, long participantId, Integer rank) {
        Edition edition = editionService.find(editionCode);
        Participant participant = participants.find(edition, participantId)
                .filter(p -> actor.maySeeState(p.stateCode()))
                .orElseThrow(() -> new NotFound("There is no participant " + participantId + " in " + editionCode + "."));
        Agreement agreement = lockAgreement(actor, editionCode, participant.stateCode());
        StateSeats seats = new StateSeats(agreement, participants.findAll(agreement));
        if (rank == null) {
            throw new RuleViolation("missing-rank", "rank", "Give the new rank, a number from 1.");
        }
        Snapshots.ParticipantSnapshot before = Snapshots.of(participant);
        seats.rank(participant, rank);
        audit.record(actor.username(), "participant.ranked", "Participant", participant.id(), editionCode,
                participant.stateCode(), before, Snapshots.of(participant));
        return seats;
    }

    /** The state's seats under its lock, with only what placing newcomers reads of the people already proposed. */
    private StateSeats lockSeatsForNewcomers(Account actor, String editionCode, String state) {
        Agreement agreement = lockAgreement(actor, editionCode, state);
        return new StateSeats(agreement, participants.findAllForSeats(agreement));
    }

    /** Takes the state's seat lock (see {@link AgreementRepository#findForSeatChange}) once the actor may act for it. */
    private Agreement lockAgreement(Account actor, String editionCode, String state) {
        String stateCode = StateCode.of(state);
        Access.requireActingFor(actor, Role.STATE_COORDINATOR, stateCode);
        Edition edition = editionService.find(editionCode);
        if (!edition.acceptsNominations()) {
            throw new RuleViolation("nominations-closed",
                    "Nominations for " + editionCode + " are not open: the edition is " + edition.status() + ".");
        }
        return agreements.findForSeatChange(edition, stateCode).orElseThrow(() ->
                new NotFound("The edition " + editionCode + " has no agreement with " + stateCode + "."));
    }

    /** Same e-mail in another state's list. (Within a state, {@link StateSeats} checks it under the lock.) */
    private void requireNoOtherStateHas(Edition edition, Nominee nominee) {
        participants.findByEmail(edition, nominee.normalisedEmail())
                .ifPresent(existing -> {
                    throw new RuleViolation("duplicate-person", "email", "A person with the e-mail "
                            + nominee.normalisedEmail() + " is already proposed in this edition.");
                });
    }
}
