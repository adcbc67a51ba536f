package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.application.FaceToFaceService;
import org.iin.csec.course.application.NominationService;
import org.iin.csec.course.application.ParticipantService;
import org.iin.csec.course.domain.participant.ParticipantStatus;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.util.Arrays;
import java.util.List;

@Path("/editions/{code}/participants")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    /** Why a participant was rejected or withdrawn; kept in the audit log. */
    public record Reason(String reason) {
    }

    public record RankInput(Integer rank) {
    }

    @Inject
    ParticipantService participants;

    @Inject
    NominationService nominations;

    @Inject
    FaceToFaceService faceToFace;

    @Inject
    SignedInAccount me;

    @GET
    public List<Views.ParticipantView> search(@PathParam("code") String code, @QueryParam("state") String state,
                                              @QueryParam("status") String status) {
        return participants.search(me.get(), code, state, status(status)).stream()
                .map(Views.ParticipantView::of).toList();
    }

    @GET
    @Path("{id}")
    public Views.ParticipantView get(@PathParam("code") String code, @PathParam("id") long id) {
        return Views.ParticipantView.of(participants.get(me.get(), code, id));
    }

    @POST
    @Path("{id}/accept")
    public Views.ParticipantView accept(@PathParam("code") String code, @PathParam("id") long id) {
        return Views.ParticipantView.of(participants.accept(me.get(), code, id));
    }

    @POST
    @Path("{id}/reject")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Views.ParticipantView reject(@PathParam("code") String code, @PathParam("id") long id, Reason reason) {
        return Views.ParticipantView.of(participants.reject(me.get(), code, id, reason == null ? null : reason.reason()));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Views.ParticipantView withdraw(@PathParam("code") String code, @PathParam("id") long id, Reason reason) {
        return Views.ParticipantView.of(participants.withdraw(me.get(), code, id, reason == null ? null : reason.reason()));
    }

    /** The state's coordinator re-orders their candidates; the waitlist follows the new ranks. */
    @PUT
    @Path("{id}/rank")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.RosterView rank(@PathParam("code") String code, @PathParam("id") long id, RankInput input) {
        return Views.RosterView.of(nominations.rank(me.get(), code, id, input == null ? null : input.rank()));
    }

    /** A face-to-face result: PASSED, FAILED or ABSENT, an optional score (0-100) and note; a reason once the stage is closed. */
    @PUT
    @Path("{id}/face-to-face")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.ParticipantView recordFaceToFace(@PathParam("code") String code, @PathParam("id") long id,
                                                  FaceToFaceService.Entry entry) {
        return Views.ParticipantView.of(faceToFace.record(me.get(), code, id, EditionResource.required(entry)));
    }

    private static ParticipantStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ParticipantStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("unknown-status", "status",
                    "Status must be one of " + Arrays.toString(ParticipantStatus.values()) + ".");
        }
    }
}
