package org.iin.csec.course.interfaces.rest;

import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.course.application.FaceToFaceService;
import org.iin.csec.course.application.ImportReport;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.FaceToFacePlan;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.StateSeats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the API returns: plain records, never entities, never password hashes. */
public final class Views {

    private Views() {
    }

    public record EditionView(String code, String title, String language, Long moodleCourseId,
                              Long moodleFaceToFaceActivityId, LocalDate onlineStageStart, LocalDate onlineStageEnd,
                              int courseHours, String certificateTemplate, String status, String nextStatus) {
        static EditionView of(Edition e) {
            return new EditionView(e.code(), e.title(), e.language(), e.moodleCourseId(),
                    e.moodleFaceToFaceActivityId(), e.onlineStageStart(),
                    e.onlineStageEnd(), e.courseHours(), e.certificateTemplate(), e.status().name(),
                    e.status().next() == null ? null : e.status().next().name());
        }
    }

    public record PlanView(LocalDate startDate, LocalDate endDate, String city, String modality, Integer hours,
                           String evaluationMethod) {
        static PlanView of(FaceToFacePlan p) {
            return p == null ? null : new PlanView(p.startDate(), p.endDate(), p.city(),
                    p.modality() == null ? null : p.modality().name(), p.hours(), p.evaluationMethod());
        }
    }

    public record PersonView(String name, String email) {
    }

    public record SignatoryView(String name, String title, String institution) {
    }

    public record AgreementView(String edition, String state, int quota, long seatsHeld, long seatsFree,
                                int waitlisted, PlanView faceToFacePlan, Instant faceToFaceClosedAt,
                                PersonView localCoordinator, SignatoryView signatory) {
        static AgreementView of(StateSeats seats) {
            Agreement a = seats.agreement();
            return new AgreementView(a.edition().code(), a.stateCode(), a.quota(), seats.seatsHeld(),
                    seats.seatsFree(), seats.waitlist().size(), PlanView.of(a.faceToFacePlan()), a.faceToFaceClosedAt(),
                    a.localCoordinator() == null ? null
                            : new PersonView(a.localCoordinator().name(), a.localCoordinator().email()),
                    a.signatory() == null ? null
                            : new SignatoryView(a.signatory().name(), a.signatory().title(), a.signatory().institution()));
        }
    }

    public record ParticipantView(long id, String edition, String state, String firstName, String lastName,
                                  String email, String identityDocument, String position, String institution,
                                  int rank, String status, Integer waitlistPosition, String onlineStage,
                                  Instant onlineCompletedAt, String faceToFace, BigDecimal faceToFaceScore,
                                  String faceToFaceNote, boolean eligibleForCertificate, Long moodleUserId,
                                  Instant nominatedAt, Instant statusChangedAt) {
        static ParticipantView of(Participant p, int waitlistPosition) {
            return new ParticipantView(p.id(), p.edition().code(), p.stateCode(), p.firstName(), p.lastName(),
                    p.email(), p.identityDocument(), p.position(), p.institution(), p.rank(), p.status().name(),
                    waitlistPosition > 0 ? waitlistPosition : null, p.onlineStageResult().name(), p.onlineCompletedAt(),
                    p.faceToFaceResult().name(), p.faceToFaceScore(), p.faceToFaceNote(), p.isEligibleForCertificate(),
                    p.moodleUserId(), p.nominatedAt(), p.statusChangedAt());
        }

        static ParticipantView of(Participant p) {
            return of(p, 0);
        }
    }

    /** A state's seats and everyone it proposed: seat holders by rank, then the waitlist in order, then the rest. */
    public record RosterView(AgreementView agreement, List<ParticipantView> participants) {
        static RosterView of(StateSeats seats) {
            Comparator<Participant> order = Comparator
                    .comparingInt((Participant p) -> p.holdsSeat() ? 0 : p.isWaitlisted() ? 1 : 2)
                    .thenComparing(Participant.RANK_ORDER);
            return new RosterView(AgreementView.of(seats), seats.participants().stream().sorted(order)
                    .map(p -> ParticipantView.of(p, seats.waitlistPosition(p))).toList());
        }
    }

    public record ImportRow(int line, String email, String outcome, Long participantId, Integer waitlistPosition,
                            List<FieldProblem> problems) {
    }

    public record ImportView(boolean saved, int rows, long nominated, long waitlisted, List<ImportRow> report) {
        static ImportView of(ImportReport report, boolean saved) {
            List<ImportRow> rows = importRows(report, false);
            return new ImportView(saved, rows.size(),
                    rows.stream().filter(r -> "NOMINATED".equals(r.outcome())).count(),
                    rows.stream().filter(r -> "WAITLISTED".equals(r.outcome())).count(), rows);
        }
    }

    /** In a refused file, rows without problems are "OK": they would have been imported with the rest. */
    static List<ImportRow> importRows(ImportReport report, boolean refused) {
        return report.rows().stream().map(r -> new ImportRow(r.line(), r.email(),
                r.participant() == null ? "REFUSED" : refused ? "OK" : r.participant().status().name(),
                r.participant() == null ? null : r.participant().id(),
                r.participant() == null || refused ? null : nullIfZero(report.seats().waitlistPosition(r.participant())),
                r.problems())).toList();
    }

    private static Integer nullIfZero(int position) {
        return position > 0 ? position : null;
    }

    public record ResultRowView(int line, String participant, String outcome, List<FieldProblem> problems) {
    }

    static List<ResultRowView> resultRows(List<FaceToFaceService.ResultRow> rows) {
        return rows.stream().map(r -> new ResultRowView(r.line(), r.who(),
                !r.problems().isEmpty() ? "REFUSED" : r.participant().faceToFaceResult().name(), r.problems())).toList();
    }

    public record AccountView(String username, String displayName, String email, Set<String> roles, String state,
                              String language, boolean active) {
        static AccountView of(Account a) {
            Set<String> roles = new TreeSet<>();
            a.roles().forEach(r -> roles.add(r.name()));
            return new AccountView(a.username(), a.displayName(), a.email(), roles, a.stateCode(), a.language(),
                    a.isActive());
        }
    }
}
