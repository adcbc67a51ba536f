package org.iin.csec.certificate.infrastructure.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iin.csec.certificate.application.signing.SigningCredential;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Throw-away RSA-2048 keys and self-signed certificates, made at test time and packed into PKCS#12 in memory,
 * as a signatory would upload them. No real key is ever committed.
 */
public final class TestCredentials {

    /** The passphrase of every test PKCS#12 file. */
    public static final String PASSPHRASE = "correct horse battery staple";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final byte[] pkcs12;

    private TestCredentials(X509Certificate certificate, byte[] pkcs12) {
        this.certificate = certificate;
        this.pkcs12 = pkcs12;
    }

    /** The IIN course leader, shared by all tests of a run (RSA key generation takes a while). */
    public static TestCredentials courseLeader() {
        return Shared.COURSE_LEADER;
    }

    /** The Argentinian state signatory, shared by all tests of a run. */
    public static TestCredentials stateSignatory() {
        return Shared.STATE_SIGNATORY;
    }

    /** A new key pair and certificate for the person named, e.g. "Ana Lucía Gonçalves". */
    public static TestCredentials create(String commonName, String organization) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + commonName + ",O=" + organization + ",C=UY");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signer", keys.getPrivate(), PASSPHRASE.toCharArray(),
                    new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, PASSPHRASE.toCharArray());
            return new TestCredentials(certificate, out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a test credential", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The PKCS#12 file's bytes, protected by {@link #PASSPHRASE}. */
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    /** Unlocks the PKCS#12 file, as the service does with the passphrase a signatory types. */
    public SigningCredential unlock() {
        return SigningCredential.fromPkcs12(pkcs12, PASSPHRASE.toCharArray());
    }

    private static final class Shared {
        static final TestCredentials COURSE_LEADER = create("Ana Lucía Gonçalves", "IIN");
        static final TestCredentials STATE_SIGNATORY = create("Joaquín Ibáñez", "SENAF");
    }
}
