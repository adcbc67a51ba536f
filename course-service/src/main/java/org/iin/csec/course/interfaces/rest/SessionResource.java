package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;
import org.iin.csec.chassis.rest.Problem;
import org.iin.csec.course.infrastructure.security.SignInSessions;
import org.iin.csec.course.infrastructure.security.SignInThrottle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing in and out of the pages. A session's token is then sent as {@code Authorization: Bearer …} to both
 * services. Signing in is public; signing out needs the session.
 */
@Path("/sessions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record SignInInput(String username, String password) {
    }

    public record SessionView(String token, Instant endsAt, Views.AccountView account) {
    }

    @Inject
    SignInSessions sessions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInInput input) {
        SignInInput in = EditionResource.required(input);
        List<FieldProblem> missing = new ArrayList<>();
        if (in.username() == null || in.username().isBlank()) {
            missing.add(new FieldProblem("username", "Enter your user name."));
        }
        if (in.password() == null || in.password().isEmpty()) {
            missing.add(new FieldProblem("password", "Enter your password."));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        SignInSessions.SignIn result = sessions.signIn(in.username().trim(), in.password().toCharArray());
        if (result instanceof SignInSessions.Opened opened) {
            return Response.status(201).entity(new SessionView(opened.token(), opened.endsAt(),
                    Views.AccountView.of(opened.account()))).build();
        }
        if (result instanceof SignInSessions.Throttled throttled) {
            return Response.fromResponse(Problem.of(429, "Too Many Requests", "sign-in-throttled",
                            SignInThrottle.refusal(throttled.retryAfter()), null).toResponse())
                    .header("Retry-After", SignInThrottle.retryAfterSeconds(throttled.retryAfter())).build();
        }
        return Problem.of(401, "Unauthorized", "sign-in-refused", "The user name or password is not correct.", null)
                .toResponse();
    }

    /** Ends the session whose token the request carries. */
    @DELETE
    @Path("current")
    public Response signOut(@HeaderParam("Authorization") String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            sessions.close(authorization.substring(7).trim());
        }
        return Response.noContent().build();
    }
}
