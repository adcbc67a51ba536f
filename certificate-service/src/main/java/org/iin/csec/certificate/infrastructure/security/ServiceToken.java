package org.iin.csec.certificate.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The secret course-service and this service share (csec.service.token): course-service presents it to hand
 * participants over, this service presents it to report certified participants. Compared in constant time
 * (both sides are hashed first, so not even the length leaks); never logged.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Logger LOG = Logger.getLogger(ServiceToken.class.getName());
    /** Shorter secrets are guessable; they are refused as if none were set. */
    static final int MIN_LENGTH = 16;

    @Inject
    @ConfigProperty(name = "csec.service.token")
    Optional<String> token;

    public boolean isConfigured() {
        return token.filter(t -> t.trim().length() >= MIN_LENGTH).isPresent();
    }

    /** Whether an {@code Authorization} header carries the token as a bearer token. */
    public boolean matches(String authorizationHeader) {
        if (!isConfigured() || authorizationHeader == null
                || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = sha256(authorizationHeader.substring(7).trim());
        byte[] expected = sha256(token.get().trim());
        return MessageDigest.isEqual(presented, expected);
    }

    /** The header this service sends to course-service. */
    public String bearerHeader() {
        return "Bearer " + token.orElseThrow().trim();
    }

    public void warnIfMissing() {
        if (!isConfigured()) {
            LOG.warning("csec.service.token (CSEC_SERVICE_TOKEN) is not set or shorter than " + MIN_LENGTH
                    + " characters: course-service cannot hand participants over, and certified participants "
                    + "cannot be reported to it.");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
