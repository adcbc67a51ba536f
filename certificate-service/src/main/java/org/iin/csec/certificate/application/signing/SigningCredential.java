package org.iin.csec.certificate.application.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A signatory's private key and certificate chain, unlocked from their PKCS#12 file for one signing request or
 * one batch. The passphrase is wiped as soon as the file is opened and is never kept; unlocking once per batch
 * (not per certificate) also saves the PKCS#12 key derivation, which costs more than a signature.
 * Close it when the request or batch ends.
 */
public final class SigningCredential implements AutoCloseable {

    private final X509Certificate[] chain;
    private volatile PrivateKey privateKey;

    private SigningCredential(PrivateKey privateKey, X509Certificate[] chain) {
        this.privateKey = privateKey;
        this.chain = chain;
    }

    /**
     * Opens a PKCS#12 (.p12, .pfx) file holding exactly one private key, and wipes the passphrase.
     *
     * @throws InvalidCredentialException if the passphrase is wrong, the file is damaged, or it holds no key or
     *                                    several keys
     */
    public static SigningCredential fromPkcs12(byte[] pkcs12, char[] passphrase) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), passphrase);
            List<String> keyAliases = Collections.list(store.aliases()).stream()
                    .filter(alias -> isKeyEntry(store, alias))
                    .toList();
            if (keyAliases.size() != 1) {
                throw new InvalidCredentialException(
                        "The PKCS#12 file must hold exactly one private key; it holds " + keyAliases.size(), null);
            }
            String alias = keyAliases.get(0);
            PrivateKey key = (PrivateKey) store.getKey(alias, passphrase);
            Certificate[] certificates = store.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0) {
                throw new InvalidCredentialException("The PKCS#12 file has no certificate for its key", null);
            }
            X509Certificate[] chain = Arrays.stream(certificates)
                    .map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
            return new SigningCredential(key, chain);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new InvalidCredentialException(
                    "The PKCS#12 file cannot be opened: wrong passphrase, or not a PKCS#12 file", e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The signer's own certificate, the one that signatures made with this credential are checked against. */
    public X509Certificate certificate() {
        return chain[0];
    }

    /** The signer's certificate first, then its issuers as far as the file holds them. */
    public List<X509Certificate> chain() {
        return List.of(chain);
    }

    /** For the signer only (infrastructure.signing); the key never leaves this service. */
    public PrivateKey privateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            throw new IllegalStateException("This signing credential was closed");
        }
        return key;
    }

    /** Forgets the private key; signing with this credential fails afterwards. */
    @Override
    public void close() {
        privateKey = null;
    }
}
