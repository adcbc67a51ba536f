package org.iin.csec.certificate.interfaces.rest;

import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.PrintedContent;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.signatory.SignatoryCertificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API returns: plain records built from the domain, never entities. */
public final class Views {

    private Views() {
    }

    /** course-service's view of the hand-off: exactly what the contract promises. */
    public record IssuanceView(long certificateId, String number, String status, String verificationCode) {
        static IssuanceView of(Certificate c) {
            return new IssuanceView(c.id(), c.number(), c.status().name(), c.verificationCode().toString());
        }
    }

    /** The answer to a cancellation: what became of the certificate. */
    public record CancellationView(long certificateId, String number, String status, String verificationCode,
                                   boolean revocationRequested) {
        static CancellationView of(Certificate c) {
            return new CancellationView(c.id(), c.number(), c.status().name(), c.verificationCode().toString(),
                    c.revocationRequested());
        }
    }

    public record SignatureView(Instant signedAt, String signedBy, String method) {
    }

    public record SignaturesView(SignatureView iin, SignatureView state) {
    }

    public record RevocationView(Instant revokedAt, String revokedBy, String category, String reason) {
    }

    public record HolderView(String firstName, String lastName, String name, String email) {
    }

    public record StateView(String code, String name) {
    }

    public record SignatoryView(String name, String title, String institution) {
        static SignatoryView of(PrintedContent.Signatory s) {
            return new SignatoryView(s.name(), s.title(), s.institution());
        }
    }

    public record CertificateView(long id, String number, String status, String verificationCode,
                                  String verificationUrl, String editionCode, String editionTitle,
                                  long participantId, StateView state, HolderView holder, int courseHours,
                                  LocalDate issueDate, Instant issuedAt, String language, String requestedLanguage,
                                  String languageNote, SignatoryView iinSignatory, SignatoryView stateSignatory,
                                  SignaturesView signatures, List<String> awaitingSignatures, Instant signedAt,
                                  Instant deliveredAt, boolean revocationRequested, Instant revocationRequestedAt,
                                  RevocationView revocation, Long replaces, Long replacedBy) {

        static CertificateView of(Certificate c, String verificationUrl) {
            PrintedContent p = c.content();
            return new CertificateView(c.id(), c.number(), c.status().name(), c.verificationCode().toString(),
                    verificationUrl,
                    c.editionCode(), p.editionTitle(), c.participantId(), new StateView(c.stateCode(), p.stateName()),
                    new HolderView(p.holderFirstName(), p.holderLastName(), p.holderName(), c.holderEmail()),
                    p.courseHours(), p.issueDate(), c.issuedAt(), p.language(), c.requestedLanguage(),
                    c.languageNote(), SignatoryView.of(p.iinSignatory()), SignatoryView.of(p.stateSignatory()),
                    new SignaturesView(signature(c, SignerRole.IIN), signature(c, SignerRole.STATE)),
                    c.awaitedSignatures().stream().map(Enum::name).toList(), c.signedAt(), c.deliveredAt(),
                    c.revocationRequested(), c.revocationRequestedAt(),
                    c.revokedAt() == null ? null : new RevocationView(c.revokedAt(), c.revokedBy(),
                            c.revocationCategory().name(), c.revocationReason()),
                    c.replacesId(), c.replacedById());
        }

        private static SignatureView signature(Certificate c, SignerRole party) {
            return c.signature(party).map(s -> new SignatureView(s.signedAt(), s.signedBy(), s.method().name()))
                    .orElse(null);
        }
    }

    public record BatchView(long id, String party, String edition, String status, int total, int done, int failed,
                            List<String> failures, String requestedBy, Instant startedAt, Instant updatedAt,
                            Instant finishedAt, boolean resumable) {
        static BatchView of(SigningBatch b) {
            Instant now = Instant.now();
            return new BatchView(b.id(), b.partyKey(), b.editionCode(), b.describe(now), b.total(), b.done(),
                    b.failed(), b.failures(), b.requestedBy(), b.startedAt(), b.updatedAt(), b.finishedAt(),
                    b.isInterrupted(now));
        }
    }

    public record SignatoryCertificateView(String party, String subject, String serialNumber, String fingerprint,
                                           Instant notBefore, Instant notAfter, String source,
                                           Instant registeredAt, String registeredBy) {
        static SignatoryCertificateView of(SignatoryCertificate s) {
            return new SignatoryCertificateView(s.partyKey(), s.subject(), s.serialNumber(), s.fingerprint(),
                    s.notBefore(), s.notAfter(), s.source().name(), s.registeredAt(), s.registeredBy());
        }
    }

    public record OutboxView(long id, String kind, long certificateId, String status, int attempts,
                             Instant nextAttemptAt, String lastError, Instant createdAt, Instant doneAt) {
        static OutboxView of(OutboxItem o) {
            return new OutboxView(o.id(), o.kind().name(), o.certificateId(), o.status().name(), o.attempts(),
                    o.nextAttemptAt(), o.lastError(), o.createdAt(), o.doneAt());
        }
    }
}
