package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.edition.EditionRepository;
import org.iin.csec.course.domain.edition.EditionStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Creating editions, describing them and moving them through their lifecycle. */
@ApplicationScoped
public class EditionService {

    /** What a course leader gives to create an edition. */
    public record EditionDraft(String code, String title, String language, Long moodleCourseId,
                               Long moodleFaceToFaceActivityId, LocalDate onlineStageStart, LocalDate onlineStageEnd,
                               int courseHours, String certificateTemplate) {
    }

    /** A partial change: null members stay as they are. */
    public record EditionChanges(String title, String language, Long moodleCourseId, Long moodleFaceToFaceActivityId,
                                 LocalDate onlineStageStart, LocalDate onlineStageEnd, Integer courseHours,
                                 String certificateTemplate, EditionStatus status) {
    }

    @Inject
    EditionRepository editions;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    @Transactional
    public Edition create(Account actor, EditionDraft draft) {
        Access.requireAnyRole(actor, Role.COURSE_LEADER);
        if (editions.findByCode(draft.code()).isPresent()) {
            throw new RuleViolation("duplicate-edition", "code", "An edition with the code " + draft.code() + " already exists.");
        }
        Edition edition = new Edition(draft.code(), draft.title(), draft.language(), draft.onlineStageStart(),
                draft.onlineStageEnd(), draft.courseHours(), clock.instant());
        edition.linkMoodleCourse(draft.moodleCourseId());
        if (draft.moodleFaceToFaceActivityId() != null) {
            edition.linkFaceToFaceActivity(draft.moodleFaceToFaceActivityId());
        }
        if (draft.certificateTemplate() != null) {
            edition.useCertificateTemplate(draft.certificateTemplate());
        }
        editions.add(edition);
        audit.record(actor.username(), "edition.created", "Edition", edition.code(), edition.code(), null,
                null, Snapshots.of(edition));
        return edition;
    }

    @Transactional
    public Edition change(Account actor, String code, EditionChanges changes) {
        Access.requireAnyRole(actor, Role.COURSE_LEADER);
        Edition edition = find(code);
        Snapshots.EditionSnapshot before = Snapshots.of(edition);
        if (changes.title() != null || changes.language() != null || changes.onlineStageStart() != null
                || changes.onlineStageEnd() != null || changes.courseHours() != null) {
            edition.describe(
                    changes.title() != null ? changes.title() : edition.title(),
                    changes.language() != null ? changes.language() : edition.language(),
                    changes.onlineStageStart() != null ? changes.onlineStageStart() : edition.onlineStageStart(),
                    changes.onlineStageEnd() != null ? changes.onlineStageEnd() : edition.onlineStageEnd(),
                    changes.courseHours() != null ? changes.courseHours() : edition.courseHours());
        }
        if (changes.moodleCourseId() != null) {
            edition.linkMoodleCourse(changes.moodleCourseId());
        }
        if (changes.moodleFaceToFaceActivityId() != null) {
            edition.linkFaceToFaceActivity(changes.moodleFaceToFaceActivityId());
        }
        if (changes.certificateTemplate() != null) {
            edition.useCertificateTemplate(changes.certificateTemplate());
        }
        if (changes.status() != null) {
            edition.moveTo(changes.status());
        }
        audit.record(actor.username(), "edition.changed", "Edition", edition.code(), edition.code(), null,
                before, Snapshots.of(edition));
        return edition;
    }

    /** Every signed-in role may read editions: they hold no personal data. */
    @Transactional
    public List<Edition> list(Account actor) {
        return editions.findAll();
    }

    @Transactional
    public Edition get(Account actor, String code) {
        return find(code);
    }

    Edition find(String code) {
        return editions.findByCode(code).orElseThrow(() -> new NotFound("There is no edition " + code + "."));
    }
}
