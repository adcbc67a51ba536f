package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.certificate.domain.signatory.SignatoryCertificate;
import org.iin.csec.certificate.domain.signatory.SignatoryRepository;
import org.iin.csec.chassis.domain.RuleViolation;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opens the PKCS#12 a signatory sends with a signing request and checks that its certificate is the one registered
 * for their party. The file and its passphrase live only as long as the request (or the batch): the passphrase is
 * wiped as soon as the file is opened, and neither is ever stored or logged.
 */
@ApplicationScoped
public class SigningCredentials {

    /** A PKCS#12 with a key and a chain of a few certificates is a few kilobytes; refuse anything far larger. */
    static final int MAX_PKCS12_BYTES = 64 * 1024;

    @Inject
    SignatoryRepository signatories;

    @Inject
    Clock clock;

    /**
     * @param pkcs12Base64 the PKCS#12 file, base64-encoded
     * @param passphrase   its passphrase; wiped before this method returns
     * @throws RuleViolation if the file is missing or cannot be opened, or holds another certificate than the
     *                       one registered for the party
     */
    @Transactional
    public SigningCredential unlock(Party party, String pkcs12Base64, char[] passphrase) {
        try {
            SignatoryCertificate registered = signatories.find(party).orElseThrow(() -> new RuleViolation(
                    "no-registered-certificate", "No signing certificate is registered for " + party
                    + ": register it first (PUT /signatories/" + party.key().toLowerCase() + ")."));
            registered.requireValidAt(clock.instant());
            SigningCredential credential = open(pkcs12Base64, passphrase);
            if (!registered.matches(credential.certificate())) {
                credential.close();
                throw new RuleViolation("not-the-registered-certificate", "pkcs12", "The certificate in this "
                        + "PKCS#12 file is not the one registered for " + party + " (SHA-256 "
                        + registered.fingerprint() + "). Use that one, or register this one first.");
            }
            return credential;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** Opens a PKCS#12 without checking it against a registration: for registering its certificate. */
    static SigningCredential open(String pkcs12Base64, char[] passphrase) {
        if (pkcs12Base64 == null || pkcs12Base64.isBlank()) {
            throw new RuleViolation("pkcs12-required", "pkcs12", "Send the PKCS#12 file (.p12, .pfx) in base64.");
        }
        if (passphrase == null) {
            throw new RuleViolation("passphrase-required", "passphrase", "The PKCS#12 file's passphrase is required.");
        }
        byte[] file;
        try {
            file = Base64.getMimeDecoder().decode(pkcs12Base64);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("pkcs12-not-base64", "pkcs12", "The PKCS#12 file is not valid base64.");
        }
        if (file.length > MAX_PKCS12_BYTES) {
            throw new RuleViolation("pkcs12-too-large", "pkcs12", "A PKCS#12 file is at most "
                    + MAX_PKCS12_BYTES / 1024 + " KB.");
        }
        try {
            return SigningCredential.fromPkcs12(file, passphrase);
        } finally {
            Arrays.fill(file, (byte) 0);
        }
    }
}
