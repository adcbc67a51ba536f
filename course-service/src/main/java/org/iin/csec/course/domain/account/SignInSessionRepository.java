package org.iin.csec.course.domain.account;

import java.time.Instant;
import java.util.Optional;

public interface SignInSessionRepository {

    Optional<SignInSession> find(String tokenHash);

    void add(SignInSession session);

    void remove(String tokenHash);

    /** Removes sessions that ended before {@code now}; returns how many. */
    int removeEnded(Instant now);
}
