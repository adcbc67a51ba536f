package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.application.AccountService;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("/")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record AccountInput(String username, String displayName, String email, Set<String> roles, String state,
                               String password) {
    }

    @Inject
    AccountService accounts;

    @Inject
    SignedInAccount me;

    /** Who is signed in: name, roles and the state a state-bound role is bound to. */
    @GET
    @Path("me")
    public Views.AccountView me() {
        return Views.AccountView.of(me.get());
    }

    @GET
    @Path("accounts")
    public List<Views.AccountView> list() {
        return accounts.list(me.get()).stream().map(Views.AccountView::of).toList();
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccountInput input) {
        AccountInput in = EditionResource.required(input);
        var account = accounts.create(me.get(), new AccountService.NewAccount(in.username(), in.displayName(),
                in.email(), roles(in.roles()), in.state(), in.password() == null ? null : in.password().toCharArray()));
        return Response.status(201).entity(Views.AccountView.of(account)).build();
    }

    private static Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                try {
                    roles.add(Role.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new RuleViolation("unknown-role", "roles", "Unknown role '" + name + "'.");
                }
            }
        }
        return roles;
    }
}
