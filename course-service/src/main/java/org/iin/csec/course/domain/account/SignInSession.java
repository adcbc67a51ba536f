package org.iin.csec.course.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A person signed in to the pages. It ends when they sign out, after {@link #IDLE} without a request, or
 * {@link #LIFETIME} after it began, whichever comes first. Identified by the SHA-256 of a random token the
 * browser holds; the token itself is never stored.
 */
@Entity
@Table(name = "sign_in_session")
public class SignInSession {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** A request refreshes the idle clock, but writes it at most this often. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    @Id
    @Column(name = "token_hash", updatable = false)
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected SignInSession() {
    }

    public SignInSession(String tokenHash, String username, Instant now) {
        this.tokenHash = tokenHash;
        this.username = username;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public boolean isLiveAt(Instant now) {
        return now.isBefore(lastSeenAt.plus(IDLE)) && now.isBefore(createdAt.plus(LIFETIME));
    }

    /** Records a request; true when that changed what is stored. */
    public boolean seenAt(Instant now) {
        if (now.isBefore(lastSeenAt.plus(TOUCH_EVERY))) {
            return false;
        }
        lastSeenAt = now;
        return true;
    }

    public Instant endsAt() {
        Instant idleEnd = lastSeenAt.plus(IDLE);
        Instant lifeEnd = createdAt.plus(LIFETIME);
        return idleEnd.isBefore(lifeEnd) ? idleEnd : lifeEnd;
    }

    public String username() { return username; }
}
