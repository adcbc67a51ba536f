package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.account.AccountRepository;
import org.iin.csec.course.domain.account.PasswordHasher;
import org.iin.csec.course.domain.account.PasswordPolicy;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Accounts: the administrator creates them; everyone can read who they are. */
@ApplicationScoped
public class AccountService {

    public record NewAccount(String username, String displayName, String email, Set<Role> roles, String state,
                             char[] password) {
    }

    @Inject
    AccountRepository accounts;

    @Inject
    AuditRecorder audit;

    @Inject
    Clock clock;

    @Transactional
    public Account create(Account actor, NewAccount request) {
        Access.requireAnyRole(actor, Role.ADMIN);
        return register(actor.username(), request);
    }

    /** Creates an account on behalf of {@code actor} (a person, or "system" at start-up). */
    @Transactional
    public Account register(String actor, NewAccount request) {
        if (request.username() != null && accounts.findByUsername(request.username()).isPresent()) {
            throw new RuleViolation("duplicate-username", "username", "The user name " + request.username() + " is taken.");
        }
        PasswordPolicy.check(request.username(), request.password());
        String hash = PasswordHasher.hash(request.password());
        Arrays.fill(request.password(), '\0');
        Account account = new Account(request.username(), request.displayName(), request.email(), request.roles(),
                request.state(), hash, clock.instant());
        accounts.add(account);
        audit.record(actor, "account.created", "Account", account.username(), null, account.stateCode(), null,
                java.util.Map.of("username", account.username(), "roles", account.roles().toString(),
                        "state", String.valueOf(account.stateCode())));
        return account;
    }

    @Transactional
    public List<Account> list(Account actor) {
        Access.requireAnyRole(actor, Role.ADMIN);
        return accounts.findAll();
    }

    @Transactional
    public Optional<Account> findActive(String username) {
        return accounts.findByUsername(username).filter(Account::isActive);
    }

    @Transactional
    public boolean anyAdministrator() {
        return accounts.anyWithRole(Role.ADMIN);
    }
}
