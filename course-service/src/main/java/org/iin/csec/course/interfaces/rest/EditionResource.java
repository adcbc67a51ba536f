package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.application.EditionService.EditionChanges;
import org.iin.csec.course.application.EditionService.EditionDraft;
import org.iin.csec.course.application.EditionService;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.util.List;

@Path("/editions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EditionResource {

    @Inject
    EditionService editions;

    @Inject
    SignedInAccount me;

    @GET
    public List<Views.EditionView> list() {
        return editions.list(me.get()).stream().map(Views.EditionView::of).toList();
    }

    @POST
    public Response create(EditionDraft draft, @Context UriInfo uri) {
        var edition = editions.create(me.get(), required(draft));
        return Response.created(uri.getAbsolutePathBuilder().path(edition.code()).build())
                .entity(Views.EditionView.of(edition)).build();
    }

    @GET
    @Path("{code}")
    public Views.EditionView get(@PathParam("code") String code) {
        return Views.EditionView.of(editions.get(me.get(), code));
    }

    /** Changes what is given; {@code status} moves the edition one step along its lifecycle. */
    @PATCH
    @Path("{code}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Views.EditionView change(@PathParam("code") String code, EditionChanges changes) {
        return Views.EditionView.of(editions.change(me.get(), code, required(changes)));
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new RuleViolation("missing-body", "The request needs a JSON body.");
        }
        return body;
    }
}
