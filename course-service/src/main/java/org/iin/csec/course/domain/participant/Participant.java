package org.iin.csec.course.domain.participant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/** One person in one edition, proposed by their state. Knows which status changes are allowed. */
@Entity
@Table(name = "participant")
public class Participant {

    /**
     * The waitlist's order: the state's rank first, then who was proposed first. The database gives ids in the
     * order a state's nominations arrive (each under the state's seat lock), which holds even where two instances'
     * clocks differ; someone not saved yet comes after everyone saved.
     */
    /** A state ranks its people from 1 (first in line) to this. */
    public static final int LOWEST_RANK = 10_000;

    /** What a person is told of a rank out of range. */
    public static final String RANK_RANGE = "Rank is a number from 1 to " + LOWEST_RANK + ".";

    public static boolean isValidRank(int rank) {
        return rank >= 1 && rank <= LOWEST_RANK;
    }

    public static final Comparator<Participant> RANK_ORDER = Comparator
            .comparingInt(Participant::rank)
            .thenComparing(p -> p.id == null ? Long.MAX_VALUE : p.id);

    private static final Set<ParticipantStatus> FINAL = EnumSet.of(
            ParticipantStatus.REJECTED, ParticipantStatus.WITHDRAWN, ParticipantStatus.CERTIFIED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "edition_id", updatable = false)
    private Edition edition;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id", updatable = false)
    private Agreement agreement;

    @Column(name = "state_code", nullable = false, updatable = false)
    private String stateCode;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(nullable = false)
    private String email;

    @Column(name = "identity_document")
    private String identityDocument;

    @Column(name = "position_title")
    private String position;

    @Column
    private String institution;

    @Column(name = "ranking", nullable = false)
    private int rank;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ParticipantStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "online_result", nullable = false)
    private OnlineStageResult onlineStageResult = OnlineStageResult.NOT_STARTED;

    @Enumerated(EnumType.STRING)
    @Column(name = "face_to_face_result", nullable = false)
    private FaceToFaceResult faceToFaceResult = FaceToFaceResult.PENDING;

    @Column(name = "nominated_at", nullable = false, updatable = false)
    private Instant nominatedAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    /** The participant's Moodle user, once the bridge matched or created it. */
    @Column(name = "moodle_user_id")
    private Long moodleUserId;

    @Column(name = "f2f_score")
    private BigDecimal faceToFaceScore;

    @Column(name = "f2f_note")
    private String faceToFaceNote;

    @Column(name = "f2f_recorded_at")
    private Instant faceToFaceRecordedAt;

    /** When Moodle recorded the online stage as completed. */
    @Column(name = "online_completed_at")
    private Instant onlineCompletedAt;

    @Version
    private long version;

    protected Participant() {
    }

    Participant(Agreement agreement, Nominee nominee, int rank, ParticipantStatus status, Instant now) {
        this.edition = agreement.edition();
        this.agreement = agreement;
        this.stateCode = agreement.stateCode();
        this.firstName = nominee.firstName().trim();
        this.lastName = nominee.lastName().trim();
        this.email = nominee.normalisedEmail();
        this.identityDocument = nominee.normalisedIdentityDocument();
        this.position = blankToNull(nominee.position());
        this.institution = blankToNull(nominee.institution());
        this.rank = rank;
        this.status = status;
        this.nominatedAt = now;
        this.statusChangedAt = now;
    }

    public boolean holdsSeat() {
        return status.holdsSeat();
    }

    public boolean isWaitlisted() {
        return status == ParticipantStatus.WAITLISTED;
    }

    /** The course leader accepts a nomination that holds a seat. */
    public void accept(Instant now) {
        requireStatus(ParticipantStatus.NOMINATED, "accepted");
        changeStatus(ParticipantStatus.ACCEPTED, now);
    }

    /** The course leader rejects a nomination, seated or waitlisted. */
    public void reject(Instant now) {
        if (status != ParticipantStatus.NOMINATED && status != ParticipantStatus.WAITLISTED) {
            throw notAllowed("rejected");
        }
        changeStatus(ParticipantStatus.REJECTED, now);
    }

    /** A participant may withdraw at any point before being certified. */
    public void withdraw(Instant now) {
        if (FINAL.contains(status)) {
            throw notAllowed("withdrawn");
        }
        changeStatus(ParticipantStatus.WITHDRAWN, now);
    }

    /** Moodle has the participant enrolled, as this Moodle user: they take the online stage from now on. */
    public void enrolledInMoodle(long moodleUserId, Instant now) {
        this.moodleUserId = moodleUserId;
        if (status == ParticipantStatus.ACCEPTED) {
            changeStatus(ParticipantStatus.ENROLLED, now);
        }
    }

    /**
     * The online stage as Moodle reports it. Completion is final: Moodle itself never revokes a recorded
     * course completion, and neither does the course.
     */
    public boolean recordOnlineStage(OnlineStageResult result, Instant completedAt) {
        if (onlineStageResult == OnlineStageResult.COMPLETED || result == onlineStageResult) {
            return false;
        }
        this.onlineStageResult = result;
        if (result == OnlineStageResult.COMPLETED) {
            this.onlineCompletedAt = completedAt;
        }
        return true;
    }

    /**
     * The state's evaluation of the face-to-face stage, for someone who took part in the course (accepted,
     * enrolled, or already certified when a result is corrected).
     */
    public void recordFaceToFace(FaceToFaceResult result, BigDecimal score, String note, Instant now) {
        checkFaceToFace(result, score, note);
        this.faceToFaceResult = result;
        this.faceToFaceScore = score;
        this.faceToFaceNote = note == null || note.isBlank() ? null : note.trim();
        this.faceToFaceRecordedAt = now;
    }

    /** Throws the {@link RuleViolation} that {@link #recordFaceToFace} would, without changing anything. */
    public void checkFaceToFace(FaceToFaceResult result, BigDecimal score, String note) {
        if (status != ParticipantStatus.ACCEPTED && status != ParticipantStatus.ENROLLED
                && status != ParticipantStatus.CERTIFIED) {
            throw new RuleViolation("not-a-learner", "Participant " + id + " is " + status
                    + ": only accepted participants have a face-to-face result.");
        }
        if (result == null || result == FaceToFaceResult.PENDING) {
            throw new RuleViolation("invalid-result", "result", "The result is PASSED, FAILED or ABSENT.");
        }
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2)) {
            throw new RuleViolation("invalid-score", "score", "A score is a number from 0 to 100, with at most 2 decimals.");
        }
        if (note != null && note.length() > 1000) {
            throw new RuleViolation("invalid-note", "note", "A note is at most 1000 characters.");
        }
    }

    /** Eligible for a certificate: Moodle reports the online stage completed and the state recorded a pass. */
    public boolean isEligibleForCertificate() {
        return (status == ParticipantStatus.ENROLLED || status == ParticipantStatus.CERTIFIED)
                && onlineStageResult == OnlineStageResult.COMPLETED
                && faceToFaceResult == FaceToFaceResult.PASSED;
    }

    /** Both parties signed the certificate and it reached the learner. Idempotent. */
    public void certify(Instant now) {
        if (status == ParticipantStatus.CERTIFIED) {
            return;
        }
        if (!isEligibleForCertificate()) {
            throw new RuleViolation("not-eligible", "Participant " + id + " is not eligible for a certificate.");
        }
        changeStatus(ParticipantStatus.CERTIFIED, now);
    }

    /** In the course (accepted, enrolled or certified) and still without a face-to-face result. */
    public boolean awaitsFaceToFaceResult() {
        return belongsInMoodle() && faceToFaceResult == FaceToFaceResult.PENDING;
    }

    /** True while Moodle should have the participant enrolled. */
    public boolean belongsInMoodle() {
        return status == ParticipantStatus.ACCEPTED || status == ParticipantStatus.ENROLLED
                || status == ParticipantStatus.CERTIFIED;
    }

    /** A seat was freed and this waitlisted participant is first in line. */
    void promote(Instant now) {
        requireStatus(ParticipantStatus.WAITLISTED, "promoted");
        changeStatus(ParticipantStatus.NOMINATED, now);
    }

    void rankAs(int newRank) {
        if (FINAL.contains(status)) {
            throw notAllowed("re-ranked");
        }
        this.rank = newRank;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    private void requireStatus(ParticipantStatus required, String action) {
        if (status != required) {
            throw notAllowed(action);
        }
    }

    private RuleViolation notAllowed(String action) {
        return new RuleViolation("invalid-participant-transition",
                "Participant " + id + " is " + status + " and cannot be " + action + ".");
    }

    private void changeStatus(ParticipantStatus next, Instant now) {
        this.status = next;
        this.statusChangedAt = now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Long id() { return id; }
    public Edition edition() { return edition; }
    public Agreement agreement() { return agreement; }
    public String stateCode() { return stateCode; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String email() { return email; }
    public String identityDocument() { return identityDocument; }
    public String position() { return position; }
    public String institution() { return institution; }
    public int rank() { return rank; }
    public ParticipantStatus status() { return status; }
    public OnlineStageResult onlineStageResult() { return onlineStageResult; }
    public FaceToFaceResult faceToFaceResult() { return faceToFaceResult; }
    public Instant nominatedAt() { return nominatedAt; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public Long moodleUserId() { return moodleUserId; }
    public BigDecimal faceToFaceScore() { return faceToFaceScore; }
    public String faceToFaceNote() { return faceToFaceNote; }
    public Instant faceToFaceRecordedAt() { return faceToFaceRecordedAt; }
    public Instant onlineCompletedAt() { return onlineCompletedAt; }
}
