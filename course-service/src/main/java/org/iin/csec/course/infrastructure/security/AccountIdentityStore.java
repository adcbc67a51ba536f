package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.account.PasswordHasher;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a user name and password against the accounts; roles become the caller's groups. A name that is
 * being throttled (see {@link SignInThrottle}) gets NOT_VALIDATED without its password being looked at.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    /** Compared against when the user does not exist, so an unknown name takes as long as a wrong password. */
    private static final String DECOY_HASH = PasswordHasher.hash("decoy-password-never-used".toCharArray());

    @Inject
    RecentAccounts accounts;

    @Inject
    VerifiedPasswords verifiedPasswords;

    @Inject
    SignedInAccount signedInAccount;

    @Inject
    SignInThrottle throttle;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        char[] password = credential.getPassword().getValue();
        if (!throttle.waitFor(username).isZero()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Account> account = accounts.findActive(username);
        if (account.isEmpty()) {
            PasswordHasher.matches(password, DECOY_HASH);
            throttle.failed(username);
            return CredentialValidationResult.INVALID_RESULT;
        }
        String storedHash = account.get().passwordHash();
        boolean valid = verifiedPasswords.recentlyVerified(username, storedHash, password)
                || PasswordHasher.matches(password, storedHash);
        if (!valid) {
            throttle.failed(username);
            return CredentialValidationResult.INVALID_RESULT;
        }
        throttle.succeeded(username);
        verifiedPasswords.remember(username, storedHash, password);
        signedInAccount.signedIn(account.get());
        return new CredentialValidationResult(username,
                account.get().roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
