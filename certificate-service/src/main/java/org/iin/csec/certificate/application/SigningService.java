package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.application.signing.PdfSignatures;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.application.signing.UploadVerdict;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.domain.signatory.SignatoryCertificate;
import org.iin.csec.certificate.domain.signatory.SignatoryRepository;
import org.iin.csec.chassis.domain.RuleViolation;

import java.time.Clock;

/**
 * A signatory signs one certificate: on the server, with their PKCS#12 sent with the request, or by uploading the
 * PDF they signed elsewhere. The course leader signs as the IIN, a state signatory only their own state's
 * certificates.
 */
@ApplicationScoped
public class SigningService {

    /** A signed certificate is about 100 KB; anything far larger is not one. */
    public static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    @Inject
    PdfSignatures signatures;

    @Inject
    CertificateService certificateService;

    @Inject
    CertificateRepository certificates;

    @Inject
    SignatoryRepository signatories;

    @Inject
    SigningCredentials credentials;

    @Inject
    CertificateSigning signing;

    @Inject
    Clock clock;

    /**
     * Signs on the server. The PKCS#12 is opened (the slow part) before the certificate is locked, and closed
     * before this returns.
     *
     * @param as "IIN" or "STATE" when the caller may sign as both; otherwise null
     */
    public Certificate signOnServer(Caller caller, long id, String pkcs12Base64, char[] passphrase, String as) {
        Certificate certificate = certificateService.get(caller, id);
        Party party = Access.signingParty(caller, certificate.stateCode(), as);
        certificate.requireSignableBy(party.role());
        try (SigningCredential credential = credentials.unlock(party, pkcs12Base64, passphrase)) {
            return signing.sign(id, party, credential, caller.username());
        }
    }

    /**
     * Accepts a PDF signed elsewhere only if it is the current file with exactly one new, intact signature by the
     * party's registered certificate in the party's field; otherwise nothing changes.
     *
     * @throws UploadRefused with the verdict, if the upload is not accepted
     */
    @Transactional
    public Certificate acceptUpload(Caller caller, long id, byte[] uploaded, String as) {
        if (uploaded == null || uploaded.length == 0) {
            throw new RuleViolation("pdf-required", "Send the signed PDF as the request body (application/pdf).");
        }
        Certificate certificate = Access.requireVisible(caller,
                certificates.findForUpdate(id).orElseThrow(() -> Access.notFound(id)));
        Party party = Access.signingParty(caller, certificate.stateCode(), as);
        certificate.requireSignableBy(party.role());
        SignatoryCertificate registered = signatories.find(party).orElseThrow(() -> new RuleViolation(
                "no-registered-certificate", "No signing certificate is registered for " + party
                + ": register it first (PUT /signatories/" + party.key().toLowerCase() + ")."));
        registered.requireValidAt(clock.instant());
        byte[] current = certificates.files(id).current();
        UploadVerdict verdict = signatures.checkUpload(current, uploaded, party.role().fieldName(),
                registered.certificate());
        if (!verdict.accepted()) {
            throw new UploadRefused(verdict);
        }
        signing.recordUpload(certificate, party, uploaded, caller.username());
        return certificate;
    }
}
