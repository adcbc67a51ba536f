package org.iin.csec.course.domain.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.domain.StateCode;
import org.iin.csec.course.domain.edition.Edition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The IIN's agreement with one state for one edition. It knows its quota: how many of the state's
 * participants may hold a seat at once.
 */
@Entity
@Table(name = "agreement")
// Named, so EclipseLink builds its SQL once: a lock mode set at run time makes it build the SQL on every call.
@NamedQuery(name = Agreement.FOR_SEAT_CHANGE,
        query = "select a from Agreement a where a.edition = :edition and a.stateCode = :state",
        lockMode = LockModeType.PESSIMISTIC_WRITE,
        hints = @QueryHint(name = "eclipselink.refresh", value = "true"))
public class Agreement {

    /** The agreement of one edition and state, locked for a change of its seats (SELECT ... FOR UPDATE). */
    public static final String FOR_SEAT_CHANGE = "Agreement.forSeatChange";

    public static final int MAX_QUOTA = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "edition_id", updatable = false)
    private Edition edition;

    @Column(name = "state_code", nullable = false, updatable = false)
    private String stateCode;

    @Column(nullable = false)
    private int quota;

    @Embedded
    private FaceToFacePlan faceToFacePlan;

    @Embedded
    private LocalCoordinator localCoordinator;

    @Embedded
    private Signatory signatory;

    /** When the state's coordinator closed the face-to-face stage; after that only the course leader corrects. */
    @Column(name = "f2f_closed_at")
    private Instant faceToFaceClosedAt;

    @Version
    private long version;

    protected Agreement() {
    }

    public Agreement(Edition edition, String stateCode, int quota) {
        this.edition = edition;
        this.stateCode = StateCode.of(stateCode);
        requireValidQuota(quota);
        this.quota = quota;
    }

    /**
     * Sets the quota. It may never drop below the seats already held: those people keep their seats.
     */
    public void changeQuota(int newQuota, long seatsHeld) {
        requireValidQuota(newQuota);
        if (newQuota < seatsHeld) {
            throw new RuleViolation("quota-below-seats-held", "quota",
                    "The quota of " + stateCode + " cannot be " + newQuota + ": " + seatsHeld
                            + " participants already hold seats. Withdraw or reject some first.");
        }
        this.quota = newQuota;
    }

    public long seatsFree(long seatsHeld) {
        return Math.max(0, quota - seatsHeld);
    }

    public void plan(FaceToFacePlan plan, LocalCoordinator coordinator, Signatory signatory) {
        this.faceToFacePlan = plan;
        this.localCoordinator = coordinator;
        this.signatory = signatory;
    }

    /**
     * The coordinator closes the state's face-to-face stage once every result is in: {@code resultsMissing} counts
     * the participants still without one (see {@link org.iin.csec.course.domain.participant.StateSeats#closeFaceToFace}).
     */
    public void closeFaceToFace(long resultsMissing, Instant now) {
        if (resultsMissing > 0) {
            throw new RuleViolation("results-missing", resultsMissing + " participants of " + stateCode
                    + " have no face-to-face result yet; record them before closing the stage.");
        }
        if (faceToFaceClosedAt != null) {
            throw new RuleViolation("stage-already-closed", "The face-to-face stage of " + stateCode + " is already closed.");
        }
        this.faceToFaceClosedAt = now;
    }

    public boolean isFaceToFaceClosed() {
        return faceToFaceClosedAt != null;
    }

    /** The plan can change until the stage starts (its start date) or the state closes it. */
    public boolean acceptsPlanChanges(LocalDate today) {
        return faceToFaceClosedAt == null
                && (faceToFacePlan == null || faceToFacePlan.startDate() == null || today.isBefore(faceToFacePlan.startDate()));
    }

    /** Refuses a change of plan once the stage started, the state closed it, or the edition closed. */
    public void requirePlanOpen(LocalDate today) {
        if (edition.isClosed() || !acceptsPlanChanges(today)) {
            throw new RuleViolation("plan-frozen", "The face-to-face plan of " + stateCode
                    + " can no longer change: the stage has started or is closed.");
        }
    }

    private static void requireValidQuota(int quota) {
        if (quota < 0 || quota > MAX_QUOTA) {
            throw new RuleViolation("invalid-quota", "quota", "A quota is a number of seats from 0 to " + MAX_QUOTA + ".");
        }
    }

    public Long id() { return id; }
    public Edition edition() { return edition; }
    public String stateCode() { return stateCode; }
    public int quota() { return quota; }
    public FaceToFacePlan faceToFacePlan() { return faceToFacePlan; }
    public LocalCoordinator localCoordinator() { return localCoordinator; }
    public Signatory signatory() { return signatory; }
    public Instant faceToFaceClosedAt() { return faceToFaceClosedAt; }
}
