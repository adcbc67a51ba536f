package org.iin.csec.certificate.application;

import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.PartySignature;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.signatory.SignatoryCertificate;

import java.time.Instant;

/** What the audit log keeps of each thing before and after a change. */
public final class Snapshots {

    private Snapshots() {
    }

    /** No e-mail address here: the audit log is read more widely than certificates. */
    public record CertificateSnapshot(long id, String number, String participant, String state, String holder,
                                      String status, String iinSignedBy, String stateSignedBy,
                                      boolean revocationRequested, String revocationCategory,
                                      String revocationReason, Long replaces, Long replacedBy) {
    }

    public record SignatorySnapshot(String party, String subject, String serialNumber, String fingerprint,
                                    String notAfter, String source) {
    }

    public record BatchSnapshot(long id, String party, String edition, String status, int total, int done,
                                int failed) {
    }

    private static String signer(Certificate c, SignerRole party) {
        return c.signature(party).map(PartySignature::signedBy).orElse(null);
    }

    static CertificateSnapshot of(Certificate c) {
        return new CertificateSnapshot(c.id() == null ? 0 : c.id(), c.number(),
                String.valueOf(c.participantId()), c.stateCode(), c.holderName(), c.status().name(),
                signer(c, SignerRole.IIN), signer(c, SignerRole.STATE), c.revocationRequested(),
                c.revocationCategory() == null ? null : c.revocationCategory().name(), c.revocationReason(),
                c.replacesId(), c.replacedById());
    }

    static SignatorySnapshot of(SignatoryCertificate s) {
        return new SignatorySnapshot(s.partyKey(), s.subject(), s.serialNumber(), s.fingerprint(),
                String.valueOf(s.notAfter()), s.source().name());
    }

    static BatchSnapshot of(SigningBatch b, Instant now) {
        return new BatchSnapshot(b.id() == null ? 0 : b.id(), b.partyKey(), b.editionCode(), b.describe(now),
                b.total(), b.done(), b.failed());
    }
}
