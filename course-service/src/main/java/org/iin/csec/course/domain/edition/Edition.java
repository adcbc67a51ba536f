package org.iin.csec.course.domain.edition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iin.csec.chassis.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One edition of the course (e.g. "2027-1"): its online stage, language, hours and lifecycle. */
@Entity
@Table(name = "edition")
public class Edition {

    /** Languages the pages and certificates speak; pt and fr need only a translation file. */
    public static final Set<String> LANGUAGES = Set.of("es", "en", "pt", "fr");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String language;

    @Column(name = "moodle_course_id")
    private Long moodleCourseId;

    /** The Moodle activity (course module) that stands for the face-to-face stage, when the course has one. */
    @Column(name = "moodle_f2f_activity_id")
    private Long moodleFaceToFaceActivityId;

    @Column(name = "online_stage_start", nullable = false)
    private LocalDate onlineStageStart;

    @Column(name = "online_stage_end", nullable = false)
    private LocalDate onlineStageEnd;

    @Column(name = "course_hours", nullable = false)
    private int courseHours;

    @Column(name = "certificate_template", nullable = false)
    private String certificateTemplate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EditionStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Edition() {
    }

    public Edition(String code, String title, String language, LocalDate onlineStageStart, LocalDate onlineStageEnd,
                   int courseHours, Instant now) {
        if (code == null || !code.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,19}")) {
            throw new RuleViolation("invalid-edition-code", "code",
                    "An edition code is 1 to 20 letters, digits, '.', '_' or '-', for example 2027-1.");
        }
        this.code = code;
        this.status = EditionStatus.DRAFT;
        this.certificateTemplate = "standard";
        this.createdAt = now;
        describe(title, language, onlineStageStart, onlineStageEnd, courseHours);
    }

    /** Changes what the edition is; allowed until it closes. */
    public void describe(String title, String language, LocalDate start, LocalDate end, int hours) {
        requireNotClosed();
        if (title == null || title.isBlank()) {
            throw new RuleViolation("missing-title", "title", "An edition needs a title.");
        }
        if (language == null || !LANGUAGES.contains(language)) {
            throw new RuleViolation("unknown-language", "language", "The language must be one of " + LANGUAGES + ".");
        }
        if (start == null || end == null || end.isBefore(start)) {
            throw new RuleViolation("invalid-online-stage-dates", "onlineStageEnd",
                    "The online stage needs a start and an end, and cannot end before it starts.");
        }
        if (hours <= 0 || hours > 1000) {
            throw new RuleViolation("invalid-course-hours", "courseHours", "Course hours must be between 1 and 1000.");
        }
        this.title = title.trim();
        this.language = language;
        this.onlineStageStart = start;
        this.onlineStageEnd = end;
        this.courseHours = hours;
    }

    public void linkMoodleCourse(Long moodleCourseId) {
        requireNotClosed();
        if (moodleCourseId != null && moodleCourseId <= 1) {
            // Course id 1 is Moodle's site front page, never a real course.
            throw new RuleViolation("invalid-moodle-course", "moodleCourseId", "A Moodle course id is a number above 1.");
        }
        this.moodleCourseId = moodleCourseId;
    }

    public void linkFaceToFaceActivity(Long courseModuleId) {
        requireNotClosed();
        if (courseModuleId != null && courseModuleId <= 0) {
            throw new RuleViolation("invalid-moodle-activity", "moodleFaceToFaceActivityId",
                    "A Moodle activity id is a positive number.");
        }
        this.moodleFaceToFaceActivityId = courseModuleId;
    }

    /** Face-to-face results are recorded from the online stage on, until the edition closes. */
    public boolean acceptsResults() {
        return status == EditionStatus.ONLINE_STAGE || status == EditionStatus.FACE_TO_FACE_STAGE;
    }

    public void useCertificateTemplate(String template) {
        requireNotClosed();
        if (template == null || !template.matches("[a-z0-9-]{1,50}")) {
            throw new RuleViolation("invalid-template", "certificateTemplate", "A template name is lower-case letters, digits and '-'.");
        }
        this.certificateTemplate = template;
    }

    /** Moves the edition to {@code target}, which must be the next step of its lifecycle. */
    public void moveTo(EditionStatus target) {
        if (target == status) {
            return;
        }
        if (target != status.next()) {
            throw new RuleViolation("invalid-status-change", "status",
                    "An edition in " + status + " can only move to " + status.next() + ", not to " + target + ".");
        }
        if (target == EditionStatus.ONLINE_STAGE && moodleCourseId == null) {
            throw new RuleViolation("moodle-course-missing", "moodleCourseId",
                    "Link the edition to its Moodle course before the online stage starts.");
        }
        this.status = target;
    }

    public boolean acceptsNominations() {
        return status == EditionStatus.NOMINATIONS_OPEN;
    }

    /** Agreements and quotas are set before the online stage begins. */
    public boolean acceptsAgreementChanges() {
        return status == EditionStatus.DRAFT || status == EditionStatus.NOMINATIONS_OPEN;
    }

    /** Nominations are accepted or rejected while nominations are open and during the online stage. */
    public boolean acceptsSelection() {
        return status == EditionStatus.NOMINATIONS_OPEN || status == EditionStatus.ONLINE_STAGE;
    }

    public boolean isClosed() {
        return status == EditionStatus.CLOSED;
    }

    /*
     * The phase gates: each refuses, with the code clients and pages read, what the edition's phase does not allow.
     * The use cases call them rather than test the status themselves, so each rule and its message live once.
     */

    /** State coordinators propose and rank candidates only while nominations are open. */
    public void requireNominationsOpen() {
        if (!acceptsNominations()) {
            throw new RuleViolation("nominations-closed",
                    "Nominations for " + code + " are not open: the edition is " + status + ".");
        }
    }

    /** The course leader accepts or rejects nominations while nominations are open and during the online stage. */
    public void requireSelectionOpen() {
        if (!acceptsSelection()) {
            throw new RuleViolation("selection-closed", "Nominations of " + code
                    + " can no longer be accepted or rejected: the edition is " + status + ".");
        }
    }

    /** Agreements and quotas are set before the online stage begins. */
    public void requireAgreementChangesOpen() {
        if (!acceptsAgreementChanges()) {
            throw new RuleViolation("agreements-closed",
                    "Agreements of " + code + " can no longer change: the edition is " + status + ".");
        }
    }

    /** Face-to-face results are recorded, and a state's stage closed, during the online and face-to-face stages. */
    public void requireResultsOpen() {
        if (!acceptsResults()) {
            throw new RuleViolation("results-closed", "Face-to-face results of " + code
                    + " are recorded during the online and face-to-face stages; the edition is " + status + ".");
        }
    }

    /** A participant may be withdrawn in any phase until the edition closes. */
    public void requireWithdrawalsOpen() {
        if (isClosed()) {
            throw new RuleViolation("edition-closed", "The edition " + code + " is closed.");
        }
    }

    /** The edition itself (its description, Moodle links, template) changes until it closes. */
    private void requireNotClosed() {
        if (status == EditionStatus.CLOSED) {
            throw new RuleViolation("edition-closed", "The edition " + code + " is closed and cannot change.");
        }
    }

    public Long id() { return id; }
    public String code() { return code; }
    public String title() { return title; }
    public String language() { return language; }
    public Long moodleCourseId() { return moodleCourseId; }
    public Long moodleFaceToFaceActivityId() { return moodleFaceToFaceActivityId; }
    public LocalDate onlineStageStart() { return onlineStageStart; }
    public LocalDate onlineStageEnd() { return onlineStageEnd; }
    public int courseHours() { return courseHours; }
    public String certificateTemplate() { return certificateTemplate; }
    public EditionStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
}
