package org.iin.csec.certificate.infrastructure.signing;

import org.iin.csec.certificate.application.signing.InvalidCredentialException;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningCredentialTest {

    private final TestCredentials courseLeader = TestCredentials.courseLeader();

    @Test
    void opensThePkcs12FileAndWipesThePassphrase() {
        char[] passphrase = TestCredentials.PASSPHRASE.toCharArray();

        try (SigningCredential credential = SigningCredential.fromPkcs12(courseLeader.pkcs12(), passphrase)) {
            assertThat(credential.certificate()).isEqualTo(courseLeader.certificate());
            assertThat(credential.chain()).containsExactly(courseLeader.certificate());
        }
        assertThat(passphrase).containsOnly('\0');
    }

    @Test
    void aWrongPassphraseIsRefusedAndWipedToo() {
        char[] passphrase = "wrong".toCharArray();

        assertThatThrownBy(() -> SigningCredential.fromPkcs12(courseLeader.pkcs12(), passphrase))
                .isInstanceOf(InvalidCredentialException.class)
                .hasMessageContaining("wrong passphrase");
        assertThat(passphrase).containsOnly('\0');
    }

    @Test
    void aFileThatIsNotPkcs12IsRefused() {
        assertThatThrownBy(() -> SigningCredential.fromPkcs12("not a key".getBytes(), "x".toCharArray()))
                .isInstanceOf(InvalidCredentialException.class);
    }

    @Test
    void aClosedCredentialCannotSign() {
        SigningCredential credential = courseLeader.unlock();
        credential.close();

        assertThatThrownBy(() -> SigningFixtures.SIGNER.sign(SigningFixtures.prepared(), "iin", credential,
                SigningFixtures.COURSE_LEADER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
