package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.domain.signatory.RegistrationSource;
import org.iin.csec.certificate.domain.signatory.SignatoryCertificate;
import org.iin.csec.certificate.domain.signatory.SignatoryRepository;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Registering a party's signing certificate: the IIN's by the course leader (or an administrator), a state's by
 * that state's signatory (or an administrator). From a PKCS#12 only the certificate is kept, never the key; a
 * public certificate (PEM or base64 DER) serves a signatory who signs elsewhere and uploads.
 */
@ApplicationScoped
public class SignatoryService {

    @Inject
    SignatoryRepository signatories;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    /** What a signatory sends: either a PKCS#12 with its passphrase, or a public certificate. */
    public record Registration(String pkcs12, char[] passphrase, String certificate) {
    }

    @Transactional
    public SignatoryCertificate register(Caller caller, String partyKey, Registration registration) {
        Party party = Party.fromKey(partyKey);
        requireMayRegister(caller, party);
        X509Certificate certificate;
        RegistrationSource source;
        boolean fromPkcs12 = registration.pkcs12() != null && !registration.pkcs12().isBlank();
        boolean fromCertificate = registration.certificate() != null && !registration.certificate().isBlank();
        if (fromPkcs12 == fromCertificate) {
            throw new RuleViolation("one-of-pkcs12-or-certificate", "Send either \"pkcs12\" (base64) with "
                    + "\"passphrase\", or \"certificate\" (PEM, or base64 DER): one of them.");
        }
        if (fromPkcs12) {
            try (SigningCredential credential = SigningCredentials.open(registration.pkcs12(),
                    registration.passphrase())) {
                certificate = credential.certificate();
            }
            source = RegistrationSource.PKCS12;
        } else {
            certificate = parse(registration.certificate());
            source = RegistrationSource.CERTIFICATE;
        }
        var existing = signatories.findForUpdate(party);
        if (existing.isPresent()) {
            var before = Snapshots.of(existing.get());
            existing.get().replace(certificate, source, caller.username(), clock.instant());
            audit.record(caller.username(), "signatory.registered", "Signatory", party.key(), null,
                    party.stateCode(), before, Snapshots.of(existing.get()));
            return existing.get();
        }
        SignatoryCertificate added = new SignatoryCertificate(party, certificate, source, caller.username(),
                clock.instant());
        signatories.add(added);
        audit.record(caller.username(), "signatory.registered", "Signatory", party.key(), null, party.stateCode(),
                null, Snapshots.of(added));
        return added;
    }

    /** The registrations the caller may see: all for course-wide roles, their own state's for state-bound ones. */
    @Transactional
    public List<SignatoryCertificate> list(Caller caller) {
        return signatories.findAll().stream()
                .filter(s -> s.party().role() == SignerRole.IIN || caller.sees(s.party().stateCode()))
                .toList();
    }

    @Transactional
    public SignatoryCertificate get(Caller caller, String partyKey) {
        Party party = Party.fromKey(partyKey);
        return signatories.find(party)
                .filter(s -> party.role() == SignerRole.IIN || caller.sees(party.stateCode()))
                .orElseThrow(() -> new NotFound("No signing certificate is registered for " + party + "."));
    }

    private static void requireMayRegister(Caller caller, Party party) {
        boolean allowed = caller.has(Role.ADMIN) || (party.role() == SignerRole.IIN
                ? caller.signsForIin()
                : caller.signsForState(party.stateCode()));
        if (!allowed) {
            throw new AccessDenied(party.role() == SignerRole.IIN
                    ? "The IIN's signing certificate is registered by the course leader or an administrator."
                    : "A state's signing certificate is registered by that state's signatory or an administrator.");
        }
    }

    /** A certificate as PEM text, or its DER bytes in base64. */
    static X509Certificate parse(String text) {
        byte[] bytes;
        if (text.contains("-----BEGIN")) {
            bytes = text.getBytes(StandardCharsets.US_ASCII);
        } else {
            try {
                bytes = Base64.getMimeDecoder().decode(text.trim());
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("unreadable-certificate", "certificate",
                        "The certificate is neither PEM nor base64-encoded DER.");
            }
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | ClassCastException e) {
            throw new RuleViolation("unreadable-certificate", "certificate",
                    "This is not an X.509 certificate (PEM, or base64-encoded DER).");
        }
    }
}
