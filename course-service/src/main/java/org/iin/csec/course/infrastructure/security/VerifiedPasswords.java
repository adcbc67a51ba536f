package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few minutes, that a password was verified against an account's PBKDF2 hash. HTTP Basic
 * sends the password with every request; re-running PBKDF2 each time would cost ~100 ms of CPU per call.
 * Only a keyed digest is kept (a random key per process), and an entry is void once the stored hash changes.
 */
@ApplicationScoped
public class VerifiedPasswords {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(String storedHash, byte[] digest, Instant expires) {
    }

    private final byte[] key = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedPasswords() {
        new SecureRandom().nextBytes(key);
    }

    public boolean recentlyVerified(String username, String storedHash, char[] password) {
        Verified entry = verified.get(username);
        return entry != null
                && entry.storedHash().equals(storedHash)
                && entry.expires().isAfter(Instant.now())
                && MessageDigest.isEqual(entry.digest(), digest(password));
    }

    public void remember(String username, String storedHash, char[] password) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(username, new Verified(storedHash, digest(password), Instant.now().plus(TTL)));
    }

    private byte[] digest(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(bytes);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
