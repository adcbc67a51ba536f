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
        String stateCode = StateCode.of(state);
        Edition edition = openForNominations(actor, editionCode, stateCode);
        // Bad input is refused before the state's seat lock is taken: it never makes the state's other nominations wait.
        nominee.requireValid();
        StateSeats seats = lockSeatsForNewcomers(edition, stateCode);
        Participant participant = seats.nominate(nominee, proposedByAnotherState(edition, nominee), clock.instant());
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
        String stateCode = StateCode.of(state);
        Edition edition = openForNominations(actor, editionCode, stateCode);
        // The file is read and each row checked on its own before the state's seat lock is taken.
        List<NomineeCsv.Row> rows = NomineeCsv.parse(csv);
        List<List<FieldProblem>> rowProblems = new ArrayList<>();
        for (NomineeCsv.Row row : rows) {
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            if (problems.isEmpty()) {
                problems.addAll(row.nominee().problems());
            }
            rowProblems.add(problems);
        }
        StateSeats seats = lockSeatsForNewcomers(edition, stateCode);
        Instant now = clock.instant();
        List<ImportReport.RowReport> reports = new ArrayList<>();
        List<Participant> created = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NomineeCsv.Row row = rows.get(i);
            List<FieldProblem> problems = rowProblems.get(i);
            Participant participant = null;
            if (problems.isEmpty()) {
                try {
                    participant = seats.nominate(row.nominee(), proposedByAnotherState(edition, row.nominee()), now);
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
        if (rank == null) {
            throw new RuleViolation("missing-rank", "rank", "Give the new rank, a number from 1.");
        }
        Agreement agreement = lockAgreement(openForNominations(actor, editionCode, participant.stateCode()),
                participant.stateCode());
        StateSeats seats = new StateSeats(agreement, participants.findAll(agreement));
        Snapshots.ParticipantSnapshot before = Snapshots.of(participant);
        seats.rank(participant, rank);
        audit.record(actor.username(), "participant.ranked", "Participant", participant.id(), editionCode,
                participant.stateCode(), before, Snapshots.of(participant));
        return seats;
    }

    /** The edition, once the actor may nominate for the state and the edition takes nominations. */
    private Edition openForNominations(Account actor, String editionCode, String stateCode) {
        Access.requireActingFor(actor, Role.STATE_COORDINATOR, stateCode);
        Edition edition = editionService.find(editionCode);
        edition.requireNominationsOpen();
        return edition;
    }

    /** The state's seats under its lock, with only what placing newcomers reads of the people already proposed. */
    private StateSeats lockSeatsForNewcomers(Edition edition, String stateCode) {
        Agreement agreement = lockAgreement(edition, stateCode);
        return new StateSeats(agreement, participants.findAllForSeats(agreement));
    }

    /** Takes the state's seat lock (see {@link AgreementRepository#findForSeatChange}). */
    private Agreement lockAgreement(Edition edition, String stateCode) {
        return agreements.findForSeatChange(edition, stateCode).orElseThrow(() ->
                new NotFound("The edition " + edition.code() + " has no agreement with " + stateCode + "."));
    }

    /** Whether another state's list has the same e-mail (the rule itself is {@link StateSeats}'s). */
    private boolean proposedByAnotherState(Edition edition, Nominee nominee) {
        return participants.findByEmail(edition, nominee.normalisedEmail()).isPresent();
    }
}
