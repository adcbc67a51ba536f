package org.iin.csec.certificate.domain.signatory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iin.csec.chassis.domain.RuleViolation;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The X.509 certificate registered for one party: every signature of that party, made on the server or uploaded,
 * must be made with this certificate's key. Only the certificate is kept, never a private key. Registering again
 * replaces it (the audit log keeps the fingerprints before and after); signatures made earlier stay intact.
 */
@Entity
@Table(name = "signatory_certificate")
public class SignatoryCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "party", nullable = false, updatable = false)
    private String partyKey;

    @Lob
    @Column(name = "certificate_der", nullable = false)
    private byte[] der;

    @Column(nullable = false)
    private String subject;

    @Column(name = "serial_number", nullable = false)
    private String serialNumber;

    /** SHA-256 of the DER encoding, in hex: how people compare certificates. */
    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationSource source;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false)
    private String registeredBy;

    @Version
    private long version;

    protected SignatoryCertificate() {
    }

    public SignatoryCertificate(Party party, X509Certificate certificate, RegistrationSource source, String by,
                                Instant now) {
        this.partyKey = party.key();
        replace(certificate, source, by, now);
    }

    /** Registers another certificate for the same party; refuses one that is expired or not yet valid. */
    public void replace(X509Certificate certificate, RegistrationSource source, String by, Instant now) {
        Instant from = certificate.getNotBefore().toInstant();
        Instant until = certificate.getNotAfter().toInstant();
        if (now.isAfter(until)) {
            throw new RuleViolation("certificate-expired", "certificate",
                    "This certificate expired on " + until + ": register a valid one.");
        }
        if (now.isBefore(from)) {
            throw new RuleViolation("certificate-not-yet-valid", "certificate",
                    "This certificate is valid only from " + from + ".");
        }
        this.der = encoded(certificate);
        this.subject = certificate.getSubjectX500Principal().getName();
        this.serialNumber = certificate.getSerialNumber().toString(16);
        this.fingerprint = fingerprint(der);
        this.notBefore = from;
        this.notAfter = until;
        this.source = source;
        this.registeredAt = now;
        this.registeredBy = by;
    }

    /**
     * Throws unless the registered certificate is valid now: a signature made with an expired certificate would not
     * be trusted by readers, so the party must register its new certificate first.
     */
    public void requireValidAt(Instant now) {
        if (now.isAfter(notAfter) || now.isBefore(notBefore)) {
            throw new RuleViolation("registered-certificate-expired", "The signing certificate registered for "
                    + party() + " is valid from " + notBefore + " to " + notAfter + ": register a valid one first.");
        }
    }

    /** Whether a signature made with {@code certificate} is this party's. */
    public boolean matches(X509Certificate certificate) {
        return certificate != null && Arrays.equals(der, encoded(certificate));
    }

    public X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("The registered certificate of " + partyKey + " cannot be read", e);
        }
    }

    public static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new RuleViolation("unreadable-certificate", "certificate", "The certificate cannot be encoded.");
        }
    }

    public Long id() { return id; }
    public Party party() { return Party.fromKey(partyKey); }
    public String partyKey() { return partyKey; }
    public String subject() { return subject; }
    public String serialNumber() { return serialNumber; }
    public String fingerprint() { return fingerprint; }
    public Instant notBefore() { return notBefore; }
    public Instant notAfter() { return notAfter; }
    public RegistrationSource source() { return source; }
    public Instant registeredAt() { return registeredAt; }
    public String registeredBy() { return registeredBy; }
}
