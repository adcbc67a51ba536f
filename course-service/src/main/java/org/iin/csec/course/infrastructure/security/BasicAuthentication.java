package org.iin.csec.course.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic for the API (DESIGN §7), and a Bearer token for certificate-service's calls (CSEC_SERVICE_TOKEN).
 * Public resources pass without credentials; protected ones answer 401 with a problem document. The same
 * message for an unknown user and a wrong password.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    private static final String CHALLENGE = "Basic realm=\"csec\", charset=\"UTF-8\"";

    /** The caller name of certificate-service when it calls with the services' shared token. */
    public static final String CERTIFICATE_SERVICE = "service:certificate-service";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    @ConfigProperty(name = "csec.service.token")
    Optional<String> serviceToken;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decode(header.substring(6).trim());
            if (credential != null) {
                CredentialValidationResult result = identityStores.validate(credential);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
            return unauthorized(response, context, "The user name or password is not correct.");
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (isServiceToken(header.substring(7).trim())) {
                return context.notifyContainerAboutLogin(CERTIFICATE_SERVICE, Set.of("SERVICE"));
            }
            return unauthorized(response, context, "The token is not correct.");
        }
        if (context.isProtected()) {
            return unauthorized(response, context, "Sign in to use this resource.");
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

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context,
                                                     String detail) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setStatus(401);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                    + detail + "\"}");
        } catch (IOException ignored) {
            // The status line is what matters; the body is a courtesy.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
