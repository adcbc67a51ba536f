package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateNumber;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.NumberSequence;
import org.iin.csec.certificate.domain.certificate.PrintedContent;
import org.iin.csec.certificate.domain.certificate.VerificationCode;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.StateCode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * The hand-off from course-service: a participant became eligible (issue a certificate, once), or a correction made
 * them ineligible (cancel it, or ask the course leader to decide once it is signed). Both are idempotent: the
 * outbox on course-service's side may send the same request again after a timeout or a restart.
 */
@ApplicationScoped
public class IssuanceService {

    private static final Logger LOG = Logger.getLogger(IssuanceService.class.getName());

    @Inject
    CertificateRepository certificates;

    @Inject
    CertificateDocuments documents;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    public IssuanceService() {
    }

    /** For tests without a container. */
    public IssuanceService(CertificateRepository certificates, CertificateDocuments documents, AuditRecorder audit,
                           Clock clock) {
        this.certificates = certificates;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The certificate and whether this call created it (false: it already existed, nothing changed). */
    public record Issued(Certificate certificate, boolean created) {
    }

    /**
     * Issues the participant's certificate for the edition, or returns the live one they already have. The edition
     * and state's number sequence is locked first, so two deliveries of the same hand-off at the same moment see
     * each other: the second one finds the first one's certificate.
     */
    @Transactional
    public Issued issue(IssuanceRequest request) {
        List<FieldProblem> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String editionCode = request.edition().code();
        String stateCode = StateCode.of(request.state().code());
        NumberSequence sequence = certificates.lockSequence(editionCode, stateCode);
        var existing = certificates.findLive(editionCode, request.participantId());
        if (existing.isPresent()) {
            return new Issued(existing.get(), false);
        }
        Instant now = clock.instant();
        String requested = request.language();
        String printed = documents.printedLanguage(requested);
        String languageNote = printed.equals(requested) ? null
                : "Printed in '" + printed + "': certificates have no '" + requested + "' translation yet.";
        if (languageNote != null) {
            LOG.warning("Certificate for participant " + request.participantId() + " of " + editionCode + ": "
                    + languageNote);
        }
        PrintedContent content = new PrintedContent(
                request.holder().firstName().trim(), request.holder().lastName().trim(),
                request.edition().title().trim(), request.edition().courseHours(),
                request.edition().onlineStageStart(), request.edition().onlineStageEnd(),
                request.faceToFaceStart(), request.faceToFaceEnd(),
                request.state().name().trim(),
                signatory(request.iinSignatory()), signatory(request.stateSignatory()),
                printed, LocalDate.ofInstant(now, ZoneOffset.UTC));
        Certificate certificate = new Certificate(editionCode, request.participantId(), stateCode,
                CertificateNumber.format(editionCode, stateCode, sequence.next()),
                VerificationCode.random(), request.holder().email().trim(), content, requested,
                languageNote, null, now);
        certificates.add(certificate, documents.render(certificate));
        audit.record(AuditRecorder.COURSE_SERVICE, "certificate.issued", "Certificate", certificate.id(),
                editionCode, stateCode, null, Snapshots.of(certificate));
        return new Issued(certificate, true);
    }

    /**
     * A correction made the participant ineligible. Not yet signed by both: revoked. Signed or delivered: flagged
     * for the course leader, who decides (the learner may already hold it). Repeating it changes nothing.
     *
     * @throws NotFound if the participant never had a certificate in the edition
     */
    @Transactional
    public Certificate cancel(String editionCode, long participantId) {
        Certificate latest = certificates.findLive(editionCode, participantId)
                .or(() -> certificates.findLatest(editionCode, participantId))
                .orElseThrow(() -> new NotFound("Participant " + participantId + " has no certificate in "
                        + editionCode + "."));
        Certificate certificate = certificates.findForUpdate(latest.id()).orElseThrow();
        var before = Snapshots.of(certificate);
        switch (certificate.cancelForIneligibility(AuditRecorder.COURSE_SERVICE, clock.instant())) {
            case REVOKED -> audit.record(AuditRecorder.COURSE_SERVICE, "certificate.revoked", "Certificate",
                    certificate.id(), editionCode, certificate.stateCode(), before, Snapshots.of(certificate));
            case REVOCATION_REQUESTED -> audit.record(AuditRecorder.COURSE_SERVICE,
                    "certificate.revocation-requested", "Certificate", certificate.id(), editionCode,
                    certificate.stateCode(), before, Snapshots.of(certificate));
            case ALREADY_REVOKED, ALREADY_REQUESTED -> {
                // Nothing changed: a repeated report.
            }
        }
        return certificate;
    }

    private static PrintedContent.Signatory signatory(IssuanceRequest.Signatory s) {
        return new PrintedContent.Signatory(s.name().trim(), s.title().trim(), s.institution().trim());
    }
}
