package org.iin.csec.certificate.application.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A signature found in a signature field, as checked by {@link SignatureVerifier}.
 *
 * @param signerCertificate   the certificate whose key made the signature; empty if the signature container is
 *                            too damaged to read
 * @param signingTime         the time the signer claims (the signature's /M entry); not a trusted time-stamp
 * @param revision            1 for the first signed revision of the file, 2 for the next, and so on
 * @param coversWholeRevision the signed byte ranges cover the whole revision the signature closes, except its own
 *                            signature value
 * @param intact              the signed bytes are unchanged and the signature value matches the certificate's key
 *                            (iText {@code verifySignatureIntegrityAndAuthenticity}, and again BouncyCastle with
 *                            the declared algorithm), and no byte of the signature value itself was changed:
 *                            its zero padding, and the parts of its CMS container the signature does not cover
 * @param coversWholeDocument nothing was added to the file after this signature
 */
public record FieldSignature(
        Optional<X509Certificate> signerCertificate,
        Optional<Instant> signingTime,
        int revision,
        boolean coversWholeRevision,
        boolean intact,
        boolean coversWholeDocument) {

    /** Intact and covering its whole revision: the signer signed exactly the file as it was up to here. */
    public boolean isValid() {
        return intact && coversWholeRevision;
    }

    /** The common name (CN) of the signer certificate's subject, e.g. the person's name. */
    public Optional<String> signerCommonName() {
        return signerCertificate.flatMap(FieldSignature::commonName);
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName());
            return subject.getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .reduce((first, second) -> second)
                    .map(Rdn::getValue)
                    .map(Object::toString);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
