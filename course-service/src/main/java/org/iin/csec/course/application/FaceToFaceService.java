package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.domain.StateCode;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.AgreementRepository;
import org.iin.csec.course.domain.agreement.FaceToFacePlan;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.domain.participant.FaceToFaceResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;
import org.iin.csec.course.domain.participant.StateSeats;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The face-to-face stage each state runs: its plan, its results (one by one or a CSV file), and its closing.
 * Until a state closes its stage its coordinator records results; after that only the course leader
 * corrects them, and must say why.
 */
@ApplicationScoped
public class FaceToFaceService {

    /** A result as the coordinator enters it. */
    public record Entry(String result, BigDecimal score, String note, String reason) {
    }

    /** The per-row outcome of a results file; saved only when no row has a problem. */
    public record ResultRow(int line, String who, List<FieldProblem> problems, Participant participant) {
    }

    @Inject
    EditionService editions;

    @Inject
    AgreementRepository agreements;

    @Inject
    ParticipantRepository participants;

    @Inject
    CertificateHandoff handoff;

    @Inject
    Outbox outbox;

    @Inject
    AuditRecorder audit;

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    @Transactional
    public Participant record(Account actor, String editionCode, long participantId, Entry entry) {
        // Who may, before what the edition allows: another state's caller learns nothing about this one.
        Edition edition = editions.find(editionCode);
        Participant participant = participants.find(edition, participantId)
                .filter(p -> actor.maySeeState(p.stateCode()))
                .orElseThrow(() -> new NotFound("There is no participant " + participantId + " in " + editionCode + "."));
        Agreement agreement = agreements.findForSeatChange(edition, participant.stateCode()).orElseThrow();
        requireMayRecord(actor, agreement, entry.reason());
        edition.requireResultsOpen();
        apply(actor, edition, participant, entry);
        return participant;
    }

    /** A CSV file of results for the state: every row saved, or none. */
    @Transactional
    public List<ResultRow> importCsv(Account actor, String editionCode, String state, byte[] csv) {
        String stateCode = StateCode.of(state);
        Access.requireStateVisible(actor, stateCode);
        Edition edition = editions.find(editionCode);
        Agreement agreement = agreements.findForSeatChange(edition, stateCode).orElseThrow(() ->
                new NotFound("The edition " + editionCode + " has no agreement with " + stateCode + "."));
        requireMayRecord(actor, agreement, null);
        edition.requireResultsOpen();
        Map<String, Participant> byEmail = new HashMap<>();
        Map<Long, Participant> byId = new HashMap<>();
        for (Participant p : participants.findAll(agreement)) {
            byEmail.put(p.email(), p);
            byId.put(p.id(), p);
        }
        List<ResultRow> report = new ArrayList<>();
        List<Runnable> changes = new ArrayList<>();
        for (CsvFile.Row row : CsvFile.read(csv, RESULT_COLUMNS, Set.of("result"))) {
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            Integer id = CsvFile.wholeNumber(row, "participantId", problems);
            String email = row.get("email") == null ? null : row.get("email").toLowerCase(Locale.ROOT);
            Participant participant = id != null ? byId.get(id.longValue()) : email != null ? byEmail.get(email) : null;
            if (participant == null && problems.isEmpty()) {
                problems.add(new FieldProblem(id != null ? "participantId" : "email",
                        "No participant of " + stateCode + " matches this row (give participant_id or email)."));
            }
            BigDecimal score = null;
            if (row.get("score") != null) {
                try {
                    score = new BigDecimal(row.get("score").replace(',', '.'));
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem("score", "'" + row.get("score") + "' is not a number."));
                }
            }
            if (participant != null && problems.isEmpty()) {
                Entry entry = new Entry(row.get("result"), score, row.get("note"), null);
                try {
                    // Checked now, applied only when the whole file is fine.
                    participant.checkFaceToFace(result(entry.result()), entry.score(), entry.note());
                    changes.add(() -> apply(actor, edition, participant, entry));
                } catch (RuleViolation violation) {
                    problems.add(new FieldProblem(violation.field(), violation.getMessage()));
                }
            }
            report.add(new ResultRow(row.line(), id != null ? String.valueOf(id) : email, problems, participant));
        }
        if (report.stream().anyMatch(r -> !r.problems().isEmpty())) {
            throw new ResultsRejected(report);
        }
        changes.forEach(Runnable::run);
        return report;
    }

    /** The coordinator closes the state's stage; every participant must have a result first. */
    @Transactional
    public Agreement close(Account actor, String editionCode, String state) {
        String stateCode = StateCode.of(state);
        Access.requireActingFor(actor, Role.STATE_COORDINATOR, stateCode);
        Edition edition = editions.find(editionCode);
        edition.requireResultsOpen();
        Agreement agreement = agreements.findForSeatChange(edition, stateCode).orElseThrow(() ->
                new NotFound("The edition " + editionCode + " has no agreement with " + stateCode + "."));
        new StateSeats(agreement, participants.findAll(agreement)).closeFaceToFace(clock.instant());
        notifications.faceToFaceClosed(editionCode, stateCode, actor.displayName());
        audit.record(actor.username(), "face-to-face.closed", "Agreement", editionCode + "/" + stateCode, editionCode,
                stateCode, null, Map.of("closedAt", agreement.faceToFaceClosedAt().toString()));
        return agreement;
    }

    /** The plan can change, by the course leader or the state's coordinator, until the stage starts. */
    @Transactional
    public Agreement plan(Account actor, String editionCode, String state, Supplier<FaceToFacePlan> input) {
        String stateCode = StateCode.of(state);
        if (!actor.hasRole(Role.COURSE_LEADER)) {
            Access.requireActingFor(actor, Role.STATE_COORDINATOR, stateCode);
        }
        FaceToFacePlan plan = input.get();
        Edition edition = editions.find(editionCode);
        Agreement agreement = agreements.findForSeatChange(edition, stateCode).orElseThrow(() ->
                new NotFound("The edition " + editionCode + " has no agreement with " + stateCode + "."));
        agreement.requirePlanOpen(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        var before = Snapshots.of(agreement);
        agreement.plan(plan, agreement.localCoordinator(), agreement.signatory());
        audit.record(actor.username(), "face-to-face.planned", "Agreement", editionCode + "/" + stateCode, editionCode,
                stateCode, before, Snapshots.of(agreement));
        return agreement;
    }

    private void apply(Account actor, Edition edition, Participant participant, Entry entry) {
        Instant now = clock.instant();
        var before = Snapshots.of(participant);
        participant.recordFaceToFace(result(entry.result()), entry.score(), entry.note(), now);
        Map<String, String> after = new HashMap<>();
        after.put("faceToFace", participant.faceToFaceResult().name());
        after.put("score", String.valueOf(participant.faceToFaceScore()));
        if (entry.reason() != null) {
            after.put("reason", entry.reason());
        }
        audit.record(actor.username(), "face-to-face.recorded", "Participant", participant.id(), edition.code(),
                participant.stateCode(), before, after);
        if (participant.faceToFaceResult() == FaceToFaceResult.PASSED && edition.moodleFaceToFaceActivityId() != null) {
            outbox.add(new OutboxItem(WorkKind.MOODLE_FACE_TO_FACE, edition.code(), participant.id(), now));
        }
        handoff.evaluate(participant, now);
    }

    private static void requireMayRecord(Account actor, Agreement agreement, String reason) {
        if (agreement.isFaceToFaceClosed()) {
            if (!actor.hasRole(Role.COURSE_LEADER)) {
                throw new AccessDenied("The face-to-face stage of " + agreement.stateCode()
                        + " is closed: only the course leader can correct a result now.");
            }
            if (reason == null || reason.isBlank()) {
                throw new RuleViolation("reason-required", "reason",
                        "The stage is closed: say why this result is corrected.");
            }
        } else if (!actor.hasRole(Role.COURSE_LEADER)) {
            Access.requireActingFor(actor, Role.STATE_COORDINATOR, agreement.stateCode());
        }
    }

    private static FaceToFaceResult result(String value) {
        try {
            return value == null ? null : FaceToFaceResult.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("invalid-result", "result", "The result is PASSED, FAILED or ABSENT.");
        }
    }

    private static final Map<String, String> RESULT_COLUMNS = Map.ofEntries(
            Map.entry("participant_id", "participantId"), Map.entry("id", "participantId"),
            Map.entry("email", "email"), Map.entry("correo", "email"),
            Map.entry("result", "result"), Map.entry("resultado", "result"),
            Map.entry("score", "score"), Map.entry("nota", "score"), Map.entry("puntaje", "score"),
            Map.entry("note", "note"), Map.entry("observaciones", "note"), Map.entry("comentario", "note"));

    /** Thrown to roll a results file back; carries the per-row report. */
    public static class ResultsRejected extends RuntimeException {

        private final transient List<ResultRow> report;

        public ResultsRejected(List<ResultRow> report) {
            super(report.stream().filter(r -> !r.problems().isEmpty()).count() + " of " + report.size()
                    + " rows have problems; nothing was saved.");
            this.report = report;
        }

        public List<ResultRow> report() {
            return report;
        }
    }
}
