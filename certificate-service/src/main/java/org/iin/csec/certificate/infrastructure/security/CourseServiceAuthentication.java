package org.iin.csec.certificate.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.iin.csec.certificate.application.Caller;
import org.iin.csec.chassis.domain.Role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call the API. course-service, with the shared service token as a bearer token, and only on the hand-off
 * resource ({@code /api/v1/issuance}); people, with HTTP Basic and course-service's accounts or with a page's sign-in
 * session (a bearer token course-service gave), everywhere else that is protected (see web.xml: the verification page is public). A leaked service token therefore reads no certificate,
 * and no person can hand participants over. Wrong or missing credentials get 401 with a problem document; the same
 * message for an unknown user and a wrong password.
 */
@ApplicationScoped
public class CourseServiceAuthentication implements HttpAuthenticationMechanism {

    /** The caller name and group of course-service's own calls. */
    public static final String COURSE_SERVICE = "course-service";
    public static final String SERVICE_GROUP = "SERVICE";
    /** Set on a request only when it carried the valid service token: what the hand-off resource checks. */
    public static final String SERVICE_CALL = CourseServiceAuthentication.class.getName() + ".serviceCall";

    private static final String ISSUANCE = "/api/v1/issuance";
    private static final String BASIC_CHALLENGE = "Basic realm=\"csec\", charset=\"UTF-8\"";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"csec-service\"";
    private static final String SESSION_CHALLENGE = "Bearer realm=\"csec\"";

    @Inject
    CourseAccounts accounts;

    @Inject
    ServiceToken serviceToken;

    @Inject
    SignedInCaller signedInCaller;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // Decoded and normalised by the container, as JAX-RS will route it.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String header = request.getHeader("Authorization");
        if (path.equals(ISSUANCE) || path.startsWith(ISSUANCE + "/")) {
            if (serviceToken.matches(header)) {
                request.setAttribute(SERVICE_CALL, Boolean.TRUE);
                return context.notifyContainerAboutLogin(COURSE_SERVICE, Set.of(SERVICE_GROUP));
            }
            return refuse(response, context, 401, BEARER_CHALLENGE,
                    "This resource is for course-service: send the shared service token as a bearer token.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        CourseAccounts.Check check;
        String challenge = BASIC_CHALLENGE;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            // A page's sign-in session. A Basic challenge would make the browser pop up its own dialog.
            challenge = SESSION_CHALLENGE;
            check = accounts.checkSession(header.substring(7).trim());
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = decode(header.substring(6).trim());
            if (credentials == null) {
                return refuse(response, context, 401, BASIC_CHALLENGE, "The user name or password is not correct.");
            }
            check = accounts.check(credentials[0], credentials[1].toCharArray());
        } else {
            return refuse(response, context, 401, BASIC_CHALLENGE, "Sign in to use this resource.");
        }
        if (check instanceof CourseAccounts.Valid valid) {
            Caller caller = valid.caller();
            signedInCaller.signedIn(caller);
            return context.notifyContainerAboutLogin(caller.username(),
                    caller.roles().stream().map(Role::name).collect(Collectors.toSet()));
        }
        if (check instanceof CourseAccounts.Unavailable) {
            response.setHeader("Retry-After", "30");
            return refuse(response, context, 503, null,
                    "Sign-in is checked by course-service, which does not answer now. Try again shortly.");
        }
        return refuse(response, context, 401, challenge, challenge == BASIC_CHALLENGE
                ? "The user name or password is not correct." : "The session has ended. Sign in again.");
    }

    private static String[] decode(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, int status,
                                               String challenge, String detail) {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String title = status == 401 ? "Unauthorized" : "Service Unavailable";
        try {
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}");
        } catch (IOException ignored) {
            // The status line is what matters; the body is a courtesy.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
