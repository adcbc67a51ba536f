package org.iin.csec.course.domain.account;

import java.util.List;
import java.util.Optional;

public interface AccountRepository {

    Optional<Account> findByUsername(String username);

    List<Account> findAll();

    boolean anyWithRole(Role role);

    void add(Account account);
}
