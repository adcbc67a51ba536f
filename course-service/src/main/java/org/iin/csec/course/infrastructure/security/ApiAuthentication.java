package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.persistence.DatabaseFailures;
import org.iin.csec.course.domain.account.Account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Who is calling: HTTP Basic for scripts (DESIGN §7); a bearer token that is either a page's sign-in session
 * (see {@link SignInSessions}) or certificate-service's shared token (CSEC_SERVICE_TOKEN). Public resources pass
 * without credentials; protected ones answer 401 with a problem document. The same message for an unknown user
 * and a wrong password; 429 while a user name is throttled; 503 while the database does not answer.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    private static final String CHALLENGE = "Basic realm=\"csec\", charset=\"UTF-8\"";
    private static final Logger LOG = Logger.getLogger(ApiAuthentication.class.getName());

    /** The caller name of certificate-service when it calls with the services' shared token. */
    public static final String CERTIFICATE_SERVICE = "service:certificate-service";

    @Inject
    AccountIdentityStore passwords;

    @Inject
    SignInThrottle throttle;

    @Inject
    SignInSessions sessions;

    @Inject
    RecentAccounts accounts;

    @Inject
    SignedInAccount signedInAccount;

    @Inject
    @ConfigProperty(name = "csec.service.token")
    Optional<String> serviceToken;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return identify(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isDatabase(e)) {
                throw e;
            }
            // Not a 401: nobody's password is wrong because the database is down.
            LOG.warning("Cannot tell who is calling: the course database does not answer (" + e.getClass().getSimpleName() + ")");
            response.setHeader("Retry-After", "30");
            return refuse(response, context, 503, "The service cannot reach its database just now. Try again in a minute.");
        }
    }

    private AuthenticationStatus identify(HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decode(header.substring(6).trim());
            if (credential == null) {
                return refuse(response, context, 401, "The user name or password is not correct.");
            }
            CredentialValidationResult result = passwords.validate(credential);
            return switch (result.getStatus()) {
                case VALID -> context.notifyContainerAboutLogin(result);
                case NOT_VALIDATED -> throttled(response, context, credential.getCaller());
                default -> refuse(response, context, 401, "The user name or password is not correct.");
            };
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (isServiceToken(token)) {
                return context.notifyContainerAboutLogin(CERTIFICATE_SERVICE, Set.of("SERVICE"));
            }
            Optional<Account> account = token.isEmpty() ? Optional.empty()
                    : sessions.resolve(token).flatMap(accounts::findActive);
            if (account.isPresent()) {
                signedInAccount.signedIn(account.get());
                return context.notifyContainerAboutLogin(account.get().username(),
                        account.get().roles().stream().map(Role::name).collect(Collectors.toSet()));
            }
            // A Bearer challenge: a Basic one would make a browser pop up its own password dialog over the page.
            response.setHeader("WWW-Authenticate", "Bearer realm=\"csec\"");
            return refuse(response, context, 401, "The session has ended. Sign in again.");
        }
        if (context.isProtected()) {
            return refuse(response, context, 401, "Sign in to use this resource.");
        }
        return context.doNothing();
    }

    /** Constant time, so the comparison tells nothing about how much of a guess was right. */
    private boolean isServiceToken(String presented) {
        return serviceToken.filter(t -> !t.isBlank())
                .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private static UsernamePasswordCredential decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private AuthenticationStatus throttled(HttpServletResponse response, HttpMessageContext context, String username) {
        Duration wait = throttle.waitFor(username);
        response.setHeader("Retry-After", String.valueOf(SignInThrottle.retryAfterSeconds(wait)));
        return refuse(response, context, 429, SignInThrottle.refusal(wait));
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, int status,
                                               String detail) {
        if (status == 401 && !response.containsHeader("WWW-Authenticate")) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String title = switch (status) {
            case 401 -> "Unauthorized";
            case 503 -> "Service Unavailable";
            default -> "Too Many Requests";
        };
        try {
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}");
        } catch (IOException ignored) {
            // The status line is what matters; the body is a courtesy.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
