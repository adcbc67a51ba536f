package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.course.application.AccountService;
import org.iin.csec.course.domain.account.Account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active accounts read in the last ten seconds ({@link #FRESH_FOR}). A script sends its user name and password
 * with every call (HTTP Basic), and reading its account each time was a transaction of its own: about a tenth
 * of a nomination's cost in the benchmark. The price: a change made to an account in the database (roles, state,
 * password, deactivation) reaches each instance within those seconds, not at once. Unknown and inactive names
 * are not remembered, so a new account works at once. The accounts handed out are only read, never changed.
 */
@ApplicationScoped
public class RecentAccounts {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    private record Read(Account account, Instant at) {
    }

    private final Map<String, Read> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    AccountService accounts;

    public RecentAccounts() {
        this(Clock.systemUTC());
    }

    RecentAccounts(Clock clock) {
        this.clock = clock;
    }

    public Optional<Account> findActive(String username) {
        Instant now = clock.instant();
        Read read = recent.get(username);
        if (read != null && now.isBefore(read.at().plus(FRESH_FOR))) {
            return Optional.of(read.account());
        }
        Optional<Account> account = accounts.findActive(username);
        if (account.isPresent()) {
            if (recent.size() >= MAX_ENTRIES) {
                recent.clear();
            }
            recent.put(username, new Read(account.get(), now));
        } else {
            recent.remove(username);
        }
        return account;
    }
}
