package org.iin.csec.certificate.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.certificate.application.Caller;
import org.iin.csec.certificate.infrastructure.course.CourseServiceClient;
import org.iin.csec.chassis.domain.Role;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The accounts are course-service's: a user name and password are checked by asking it who they are
 * ({@code GET /api/v1/me} with the same Basic credentials). HTTP Basic sends the password with every request, so a
 * positive answer is remembered for a short while (csec.auth.cache-seconds, 2 minutes) under an HMAC-SHA256 of the
 * password with a random per-process key: the password itself is never kept. A changed password or role reaches
 * this service within that time. A page's session token is checked the same way (see {@link #checkSession}).
 */
@ApplicationScoped
public class CourseAccounts implements IdentityStore {

    private static final int MAX_ENTRIES = 10_000;
    static final long SESSION_CACHE_SECONDS = 30;

    private record Remembered(byte[] digest, Caller caller, Instant expires) {
    }

    /** What course-service said: who the caller is, that the credentials are wrong, or nothing (it is down). */
    public sealed interface Check permits Valid, Invalid, Unavailable {
    }

    public record Valid(Caller caller) implements Check {
    }

    public record Invalid() implements Check {
    }

    public record Unavailable(String reason) implements Check {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    @Inject
    CourseServiceClient courseService;

    @Inject
    @ConfigProperty(name = "csec.auth.cache-seconds", defaultValue = "120")
    long cacheSeconds;

    public CourseAccounts() {
        new SecureRandom().nextBytes(key);
    }

    public Check check(String username, char[] password) {
        byte[] digest = digest(username, password);
        Remembered entry = remembered.get(username);
        if (entry != null && entry.expires().isAfter(Instant.now()) && MessageDigest.isEqual(entry.digest(), digest)) {
            return new Valid(entry.caller());
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
        CourseServiceClient.SignIn answer = courseService.me(basic);
        if (answer instanceof CourseServiceClient.Known known) {
            Caller caller = caller(known.account());
            if (!caller.username().equals(username)) {
                return new Invalid();
            }
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(username, new Remembered(digest, caller,
                    Instant.now().plus(Duration.ofSeconds(cacheSeconds))));
            return new Valid(caller);
        }
        if (answer instanceof CourseServiceClient.Unavailable unavailable) {
            return new Unavailable(unavailable.reason());
        }
        remembered.remove(username);
        return new Invalid();
    }

    /**
     * A page's sign-in session (a bearer token course-service gave). Remembered for at most
     * {@link #SESSION_CACHE_SECONDS}, so signing out reaches this service within that time.
     */
    public Check checkSession(String token) {
        byte[] digest = digest("", token.toCharArray());
        String key = "\0session:" + Base64.getEncoder().encodeToString(digest);
        Remembered entry = remembered.get(key);
        if (entry != null && entry.expires().isAfter(Instant.now())) {
            return new Valid(entry.caller());
        }
        CourseServiceClient.SignIn answer = courseService.me("Bearer " + token);
        if (answer instanceof CourseServiceClient.Known known) {
            Caller caller = caller(known.account());
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(digest, caller,
                    Instant.now().plus(Duration.ofSeconds(Math.min(cacheSeconds, SESSION_CACHE_SECONDS)))));
            return new Valid(caller);
        }
        if (answer instanceof CourseServiceClient.Unavailable unavailable) {
            return new Unavailable(unavailable.reason());
        }
        remembered.remove(key);
        return new Invalid();
    }

    /** The caller a request authenticated as, while their answer is remembered. */
    public Optional<Caller> remembered(String username) {
        Remembered entry = remembered.get(username);
        return entry == null || entry.expires().isBefore(Instant.now()) ? Optional.empty() : Optional.of(entry.caller());
    }

    /** The standard identity-store view of {@link #check}; course-service being down counts as not valid. */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        if (check(credential.getCaller(), credential.getPassword().getValue()) instanceof Valid valid) {
            return new CredentialValidationResult(valid.caller().username(),
                    valid.caller().roles().stream().map(Role::name).collect(Collectors.toSet()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    /** Roles this service does not know are ignored; a state-bound role without a state sees nothing. */
    static Caller caller(CourseServiceClient.Account account) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : account.roles()) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                // A role of course-service that means nothing here.
            }
        }
        String state = account.state() == null || account.state().isBlank() ? null
                : account.state().trim().toUpperCase(Locale.ROOT);
        return new Caller(account.username(),
                account.displayName() == null ? account.username() : account.displayName(), roles, state);
    }

    private byte[] digest(String username, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
