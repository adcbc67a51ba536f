package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iin.csec.chassis.rest.Problem;
import org.iin.csec.course.application.CsvFile;
import org.iin.csec.course.application.FaceToFaceService;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** A state's face-to-face stage: its results as a file, its plan, and its closing. */
@Path("/editions/{code}/agreements/{state}/face-to-face")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FaceToFaceResource {

    @Inject
    FaceToFaceService faceToFace;

    @Inject
    SignedInAccount me;

    /** A CSV of results (participant_id or email, result, score, note): every row saved, or none. */
    @POST
    @Path("results")
    @Consumes({NominationResource.TEXT_CSV, "application/csv"})
    public Response importCsv(@PathParam("code") String code, @PathParam("state") String state, InputStream body)
            throws IOException {
        byte[] csv = body.readNBytes(CsvFile.MAX_BYTES + 1);
        if (csv.length > CsvFile.MAX_BYTES) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "csv-too-large",
                    "The file is larger than " + CsvFile.MAX_BYTES / 1024 + " KiB.").toResponse();
        }
        var rows = faceToFace.importCsv(me.get(), code, state, csv);
        return Response.ok(Map.of("saved", true, "rows", Views.resultRows(rows))).build();
    }

    @PUT
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.PlanView plan(@PathParam("code") String code, @PathParam("state") String state,
                               AgreementResource.PlanInput plan) {
        return Views.PlanView.of(faceToFace.plan(me.get(), code, state,
                () -> AgreementResource.plan(EditionResource.required(plan))).faceToFacePlan());
    }

    @POST
    @Path("close")
    public Map<String, String> close(@PathParam("code") String code, @PathParam("state") String state) {
        var agreement = faceToFace.close(me.get(), code, state);
        return Map.of("state", agreement.stateCode(), "closedAt", agreement.faceToFaceClosedAt().toString());
    }
}
