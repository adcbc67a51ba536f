package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.transaction.Transactional;
import org.iin.csec.course.application.AccountService;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.account.SignInSession;
import org.iin.csec.course.domain.account.SignInSessionRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The pages' sign-in sessions. The browser holds a random token and sends it as a bearer token: never as a
 * cookie, so another site cannot make a signed-in browser act (no CSRF). Sessions are in the database, so
 * every instance knows them and a restart signs nobody out.
 */
@ApplicationScoped
public class SignInSessions {

    /** What a sign-in with a password gave. */
    public sealed interface SignIn permits Opened, Refused, Throttled {
    }

    /** The browser gets the token, when the session ends if it stays idle, and whose it is. */
    public record Opened(String token, Instant endsAt, Account account) implements SignIn {
    }

    public record Refused() implements SignIn {
    }

    public record Throttled(Duration retryAfter) implements SignIn {
    }

    private final SecureRandom random = new SecureRandom();

    @Inject
    SignInSessionRepository sessions;

    @Inject
    Clock clock;

    @Inject
    AccountIdentityStore passwords;

    @Inject
    SignInThrottle throttle;

    @Inject
    AccountService accounts;

    /** Checks the password exactly as HTTP Basic does (same throttle), then opens a session. */
    @Transactional
    public SignIn signIn(String username, char[] password) {
        CredentialValidationResult result = passwords.validate(
                new UsernamePasswordCredential(username, new Password(password)));
        if (result.getStatus() == CredentialValidationResult.Status.NOT_VALIDATED) {
            return new Throttled(throttle.waitFor(username));
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return new Refused();
        }
        Account account = accounts.findActive(result.getCallerPrincipal().getName()).orElse(null);
        return account == null ? new Refused() : open(account);
    }

    private Opened open(Account account) {
        String username = account.username();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SignInSession session = new SignInSession(hash(token), username, clock.instant());
        sessions.add(session);
        return new Opened(token, session.endsAt(), account);
    }

    /** The user name of a live session, refreshing its idle clock; empty when it has ended or never was. */
    @Transactional
    public Optional<String> resolve(String token) {
        Instant now = clock.instant();
        return sessions.find(hash(token)).filter(s -> s.isLiveAt(now)).map(s -> {
            s.seenAt(now);
            return s.username();
        });
    }

    @Transactional
    public void close(String token) {
        sessions.remove(hash(token));
    }

    @Transactional
    public int removeEnded() {
        return sessions.removeEnded(clock.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
