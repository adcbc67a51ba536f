package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateNumber;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.certificate.NumberSequence;
import org.iin.csec.certificate.domain.certificate.PrintedContent;
import org.iin.csec.certificate.domain.certificate.RevocationCategory;
import org.iin.csec.certificate.domain.certificate.VerificationCode;
import org.iin.csec.certificate.domain.outbox.Outbox;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.StateCode;
import org.iin.csec.chassis.outbox.WorkStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading certificates, and the course leader's decisions about them: revoke, reissue, keep despite a request. */
@ApplicationScoped
public class CertificateService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

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

    /** Certificates the caller may see; a state-bound caller sees only their own state, whatever the filter says. */
    @Transactional
    public List<Certificate> search(Caller caller, String editionCode, String state, CertificateStatus status,
                                    Boolean revocationRequested) {
        String stateCode = state == null || state.isBlank() ? null : StateCode.of(state);
        return certificates.search(new CertificateRepository.Filter(blankToNull(editionCode),
                Access.visibleState(caller, stateCode), status, revocationRequested));
    }

    @Transactional
    public Certificate get(Caller caller, long id) {
        return Access.requireVisible(caller, certificates.find(id).orElseThrow(() -> Access.notFound(id)));
    }

    /** The current file: the latest signed revision, or the prepared PDF while nobody signed. */
    @Transactional
    public byte[] currentPdf(Caller caller, long id) {
        get(caller, id);
        return certificates.files(id).current();
    }

    @Transactional
    public Certificate revoke(Caller caller, long id, String reason) {
        Access.requireAnyRole(caller, Role.COURSE_LEADER);
        Certificate certificate = lockVisible(caller, id);
        var before = Snapshots.of(certificate);
        certificate.revoke(RevocationCategory.REVOKED_BY_ISSUER, reason, caller.username(), clock.instant());
        cancelUnsentMail(certificate, "The certificate was revoked before it was sent.");
        audit.record(caller.username(), "certificate.revoked", "Certificate", id, certificate.editionCode(),
                certificate.stateCode(), before, Snapshots.of(certificate));
        return certificate;
    }

    /**
     * After a correction: revokes the certificate as superseded and issues a new one for the same participant, with
     * a new number and verification code, to be signed again by both parties. The old one points to the new one.
     *
     * @param corrected the corrected holder (name, e-mail), or null to print the same holder again
     */
    @Transactional
    public Certificate reissue(Caller caller, long id, String reason, IssuanceRequest.Holder corrected) {
        Access.requireAnyRole(caller, Role.COURSE_LEADER);
        Certificate seen = Access.requireVisible(caller, certificates.find(id).orElseThrow(() -> Access.notFound(id)));
        validate(corrected);
        // The same lock order as issuance: the number sequence first, then the certificate.
        NumberSequence sequence = certificates.lockSequence(seen.editionCode(), seen.stateCode());
        Certificate old = lockVisible(caller, id);
        var before = Snapshots.of(old);
        Instant now = clock.instant();
        old.revoke(RevocationCategory.SUPERSEDED, reason, caller.username(), now);
        cancelUnsentMail(old, "The certificate was replaced by a corrected one before it was sent.");
        PrintedContent content = corrected == null
                ? old.content().correctedFor(old.content().holderFirstName(), old.content().holderLastName(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC))
                : old.content().correctedFor(corrected.firstName().trim(), corrected.lastName().trim(),
                        LocalDate.ofInstant(now, ZoneOffset.UTC));
        String email = corrected == null || corrected.email() == null ? old.holderEmail() : corrected.email().trim();
        Certificate replacement = new Certificate(old.editionCode(), old.participantId(), old.stateCode(),
                CertificateNumber.format(old.editionCode(), old.stateCode(), sequence.next()),
                VerificationCode.random(), email, content, old.requestedLanguage(), old.languageNote(),
                old.id(), now);
        certificates.add(replacement, documents.render(replacement));
        old.supersededBy(replacement.id());
        audit.record(caller.username(), "certificate.revoked", "Certificate", id, old.editionCode(),
                old.stateCode(), before, Snapshots.of(old));
        audit.record(caller.username(), "certificate.reissued", "Certificate", replacement.id(),
                replacement.editionCode(), replacement.stateCode(), null, Snapshots.of(replacement));
        return replacement;
    }

    /** The course leader keeps a signed certificate whose revocation course-service asked for. */
    @Transactional
    public Certificate keepDespiteRevocationRequest(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.COURSE_LEADER);
        Certificate certificate = lockVisible(caller, id);
        var before = Snapshots.of(certificate);
        certificate.keepDespiteRevocationRequest();
        // Its e-mail was held while the question was open: send it now.
        for (OutboxItem item : outbox.findFor(id)) {
            if (item.kind() == WorkKind.MAIL_CERTIFICATE && item.status() == WorkStatus.PENDING) {
                item.retryNow(clock.instant());
            }
        }
        audit.record(caller.username(), "certificate.revocation-request-dismissed", "Certificate", id,
                certificate.editionCode(), certificate.stateCode(), before, Snapshots.of(certificate));
        return certificate;
    }

    private Certificate lockVisible(Caller caller, long id) {
        return Access.requireVisible(caller, certificates.findForUpdate(id).orElseThrow(() -> Access.notFound(id)));
    }

    private void cancelUnsentMail(Certificate certificate, String reason) {
        for (OutboxItem item : outbox.findFor(certificate.id())) {
            if (item.kind() == WorkKind.MAIL_CERTIFICATE) {
                item.cancel(reason);
            }
        }
    }

    private static void validate(IssuanceRequest.Holder corrected) {
        if (corrected == null) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (corrected.firstName() == null || corrected.firstName().isBlank() || corrected.firstName().trim().length() > 99) {
            problems.add(new FieldProblem("holder.firstName", "A first name of up to 99 characters is required."));
        }
        if (corrected.lastName() == null || corrected.lastName().isBlank() || corrected.lastName().trim().length() > 99) {
            problems.add(new FieldProblem("holder.lastName", "A last name of up to 99 characters is required."));
        }
        if (corrected.email() != null && (corrected.email().length() > 254
                || !EMAIL.matcher(corrected.email().trim()).matches())) {
            problems.add(new FieldProblem("holder.email", "This is not a valid e-mail address."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
