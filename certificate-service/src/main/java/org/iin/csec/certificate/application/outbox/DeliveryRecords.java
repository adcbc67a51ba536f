package org.iin.csec.certificate.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.application.CertificateDocuments;
import org.iin.csec.certificate.application.LearnerMailer;
import org.iin.csec.certificate.application.LearnerMessages;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.outbox.Outbox;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.outbox.Outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the delivery work reads before it sends, and what it changes once sent. */
@ApplicationScoped
public class DeliveryRecords {

    @Inject
    CertificateRepository certificates;

    @Inject
    CertificateDocuments documents;

    @Inject
    Outbox outbox;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    /** The learner's e-mail, or why it is not to be sent (now or ever). */
    public record MailToSend(LearnerMailer.LearnerMail mail, Outcome instead) {
    }

    @Transactional
    public MailToSend mailFor(long certificateId) {
        Certificate certificate = certificates.find(certificateId).orElse(null);
        if (certificate == null || certificate.status() == CertificateStatus.REVOKED) {
            return new MailToSend(null, Outcome.cancelled("The certificate was revoked; it is not sent."));
        }
        if (certificate.status() == CertificateStatus.DELIVERED) {
            return new MailToSend(null, Outcome.cancelled("The certificate was already delivered."));
        }
        if (certificate.revocationRequested()) {
            return new MailToSend(null, Outcome.postponed("Held: course-service asked to revoke this certificate; "
                    + "the course leader decides first.", Duration.ofMinutes(10)));
        }
        byte[] pdf = certificates.files(certificateId).current();
        return new MailToSend(LearnerMessages.certificateMail(certificate,
                documents.verificationUrl(certificate.verificationCode()).toString(), pdf), null);
    }

    /** The mail server took the learner's e-mail: DELIVERED, and course-service is to be told. */
    public void delivered(long certificateId) {
        Certificate certificate = certificates.findForUpdate(certificateId).orElseThrow();
        if (certificate.status() != CertificateStatus.SIGNED) {
            return;
        }
        var before = Map.of("status", certificate.status().name());
        Instant now = clock.instant();
        certificate.markDelivered(now);
        outbox.add(new OutboxItem(WorkKind.NOTIFY_CERTIFIED, certificateId, now));
        audit.record(AuditRecorder.SYSTEM, "certificate.delivered", "Certificate", certificateId,
                certificate.editionCode(), certificate.stateCode(), before,
                Map.of("status", certificate.status().name(), "deliveredAt", now.toString()));
    }

    /** The edition, participant and number course-service's notice names. */
    public record Notice(long participantId, String editionCode, String number, String verificationUrl) {
    }

    @Transactional
    public Notice noticeFor(long certificateId) {
        Certificate certificate = certificates.find(certificateId).orElseThrow();
        return new Notice(certificate.participantId(), certificate.editionCode(), certificate.number(),
                documents.verificationUrl(certificate.verificationCode()).toString());
    }
}
