package org.iin.csec.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throw-away signing credentials for the page tests: a PKCS#12 with one RSA key and its self-signed certificate,
 * made by the JDK's keytool under target/ (never committed), and its registration with certificate-service.
 */
final class SigningKeys {

    private SigningKeys() {
    }

    static Path make(Path file, String distinguishedName, String passphrase) {
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", passphrase,
                    "-alias", "signing", "-keyalg", "RSA", "-keysize", "2048", "-dname", distinguishedName,
                    "-validity", "30").redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers the key's certificate as {@code party}'s (iin or a state), as {@code user} would through the API. */
    static void register(String user, String party, Path key, String passphrase) {
        try {
            DemoApi.Answer answer = DemoApi.call(user, "PUT", "/certificates/api/v1/signatories/" + party,
                    "{\"pkcs12\":\"" + Base64.getEncoder().encodeToString(Files.readAllBytes(key))
                            + "\",\"passphrase\":\"" + passphrase + "\"}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
