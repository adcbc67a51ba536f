package org.iin.csec.course.domain.account;

import org.iin.csec.chassis.domain.Role;

import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    Optional<Account> findByUsername(String username);

    List<Account> findAll();

    boolean anyWithRole(Role role);

    /** Active accounts holding {@code role}, bound to {@code state} (or any state when null), with an e-mail. */
    List<Account> reachable(Role role, String state);

    void add(Account account);
}
