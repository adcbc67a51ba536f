package org.iin.csec.course.infrastructure.security;

import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.testing.MovableClock;
import org.iin.csec.course.application.AccountService;
import org.iin.csec.course.domain.account.Account;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAccountsTest {

    /** The accounts table: user name to the active account; a deactivated account is simply absent. */
    private final Map<String, Account> database = new HashMap<>();
    private int reads;
    private final MovableClock clock = new MovableClock(Instant.parse("2027-03-01T10:00:00Z"));
    private final RecentAccounts recent = new RecentAccounts(clock);

    {
        recent.accounts = new AccountService() {
            @Override
            public Optional<Account> findActive(String username) {
                reads++;
                return Optional.ofNullable(database.get(username));
            }
        };
    }

    private static Account coordinator(String username, String state) {
        return new Account(username, username, null, Set.of(Role.STATE_COORDINATOR), state, "hash",
                Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void aStreamOfCallsReadsTheAccountOnceInTenSeconds() {
        database.put("coord.ar", coordinator("coord.ar", "AR"));
        for (int i = 0; i < 100; i++) {
            assertThat(recent.findActive("coord.ar")).get().extracting(Account::stateCode).isEqualTo("AR");
            clock.advance(Duration.ofMillis(99));
        }
        assertThat(reads).as("one read per ten seconds of calls").isEqualTo(1);
        clock.advance(Duration.ofMillis(100));
        recent.findActive("coord.ar");
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aChangeInTheDatabaseCountsWithinTenSeconds() {
        database.put("coord.ar", coordinator("coord.ar", "AR"));
        recent.findActive("coord.ar");
        database.put("coord.ar", coordinator("coord.ar", "UY"));
        clock.advance(RecentAccounts.FRESH_FOR);
        assertThat(recent.findActive("coord.ar")).get().extracting(Account::stateCode).isEqualTo("UY");

        database.remove("coord.ar");
        clock.advance(RecentAccounts.FRESH_FOR);
        assertThat(recent.findActive("coord.ar")).as("deactivated: refused from then on").isEmpty();
        database.put("coord.ar", coordinator("coord.ar", "UY"));
        assertThat(recent.findActive("coord.ar")).as("an absent account is not remembered as absent").isPresent();
    }

    @Test
    void anUnknownNameIsAskedForEveryTimeSoANewAccountWorksAtOnce() {
        assertThat(recent.findActive("new.person")).isEmpty();
        database.put("new.person", coordinator("new.person", "BO"));
        clock.advance(Duration.ofMillis(1));
        assertThat(recent.findActive("new.person")).isPresent();
        assertThat(reads).isEqualTo(2);
    }
}
