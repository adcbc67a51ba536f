package org.iin.csec.certificate.infrastructure.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;
import org.iin.csec.certificate.application.Caller;

import java.security.Principal;

/**
 * The person behind the current request. The authentication mechanism hands over the caller course-service just
 * described, so a request asks course-service at most once.
 */
@RequestScoped
public class SignedInCaller {

    @Inject
    SecurityContext securityContext;

    @Inject
    CourseAccounts accounts;

    private Caller caller;

    void signedIn(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            Principal principal = securityContext.getCallerPrincipal();
            caller = principal == null ? null : accounts.remembered(principal.getName()).orElse(null);
            if (caller == null) {
                throw new NotAuthorizedException("Basic realm=\"csec\"");
            }
        }
        return caller;
    }
}
