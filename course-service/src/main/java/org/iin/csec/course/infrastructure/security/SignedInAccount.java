package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;
import org.iin.csec.course.domain.account.Account;

import java.security.Principal;

/**
 * The account behind the current request. The identity store hands over the account it just checked the
 * password against, so a request reads its account once.
 */
@RequestScoped
public class SignedInAccount {

    @Inject
    SecurityContext securityContext;

    @Inject
    RecentAccounts accounts;

    private Account account;

    void signedIn(Account account) {
        this.account = account;
    }

    public Account get() {
        if (account == null) {
            Principal principal = securityContext.getCallerPrincipal();
            account = principal == null ? null : accounts.findActive(principal.getName()).orElse(null);
            if (account == null) {
                throw new NotAuthorizedException("Basic realm=\"csec\"");
            }
        }
        return account;
    }
}
