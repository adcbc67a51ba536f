package org.iin.csec.course.application;

import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.Participant;

/** What the audit log keeps of each thing before and after a change. */
public final class Snapshots {

    private Snapshots() {
    }

    public record EditionSnapshot(String code, String title, String language, Long moodleCourseId, String onlineStageStart,
                           String onlineStageEnd, int courseHours, String certificateTemplate, String status) {
    }

    public record AgreementSnapshot(String state, int quota, String faceToFaceStart, String faceToFaceEnd, String city,
                             String modality, Integer faceToFaceHours, String coordinator, String signatory) {
    }

    /** No e-mail or identity document here: the audit log is read more widely than participant records. */
    public record ParticipantSnapshot(long id, String state, String name, int rank, String status, String onlineStage,
                               String faceToFace) {
    }

    static EditionSnapshot of(Edition e) {
        return new EditionSnapshot(e.code(), e.title(), e.language(), e.moodleCourseId(),
                String.valueOf(e.onlineStageStart()), String.valueOf(e.onlineStageEnd()), e.courseHours(),
                e.certificateTemplate(), e.status().name());
    }

    static AgreementSnapshot of(Agreement a) {
        var plan = a.faceToFacePlan();
        return new AgreementSnapshot(a.stateCode(), a.quota(),
                plan == null ? null : String.valueOf(plan.startDate()),
                plan == null ? null : String.valueOf(plan.endDate()),
                plan == null ? null : plan.city(),
                plan == null || plan.modality() == null ? null : plan.modality().name(),
                plan == null ? null : plan.hours(),
                a.localCoordinator() == null ? null : a.localCoordinator().name(),
                a.signatory() == null ? null : a.signatory().name());
    }

    static ParticipantSnapshot of(Participant p) {
        return new ParticipantSnapshot(p.id() == null ? 0 : p.id(), p.stateCode(), p.fullName(), p.rank(),
                p.status().name(), p.onlineStageResult().name(), p.faceToFaceResult().name());
    }
}
