package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.application.AgreementService.AgreementTerms;
import org.iin.csec.course.application.AgreementService;
import org.iin.csec.course.domain.agreement.FaceToFacePlan;
import org.iin.csec.course.domain.agreement.LocalCoordinator;
import org.iin.csec.course.domain.agreement.Modality;
import org.iin.csec.course.domain.agreement.Signatory;
import org.iin.csec.course.infrastructure.security.SignedInAccount;

import java.time.LocalDate;
import java.util.List;

@Path("/editions/{code}/agreements")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    /** The agreement as the course leader sends it. */
    public record AgreementInput(Integer quota, PlanInput faceToFacePlan, Views.PersonView localCoordinator,
                                 Views.SignatoryView signatory) {
    }

    public record PlanInput(LocalDate startDate, LocalDate endDate, String city, String modality, Integer hours,
                            String evaluationMethod) {
    }

    @Inject
    AgreementService agreements;

    @Inject
    SignedInAccount me;

    @GET
    public List<Views.AgreementView> list(@PathParam("code") String code) {
        return agreements.list(me.get(), code).stream().map(Views.AgreementView::of).toList();
    }

    @GET
    @Path("{state}")
    public Views.AgreementView get(@PathParam("code") String code, @PathParam("state") String state) {
        return Views.AgreementView.of(agreements.get(me.get(), code, state));
    }

    @PUT
    @Path("{state}")
    public Views.AgreementView put(@PathParam("code") String code, @PathParam("state") String state,
                                   AgreementInput input) {
        return Views.AgreementView.of(agreements.put(me.get(), code, state, () -> terms(EditionResource.required(input))));
    }

    private static AgreementTerms terms(AgreementInput input) {
        if (input.quota() == null) {
            throw new RuleViolation("missing-quota", "quota", "The agreement needs a quota (a number of seats).");
        }
        FaceToFacePlan faceToFace = input.faceToFacePlan() == null ? null : plan(input.faceToFacePlan());
        LocalCoordinator coordinator = input.localCoordinator() == null ? null
                : new LocalCoordinator(input.localCoordinator().name(), input.localCoordinator().email());
        Signatory signatory = input.signatory() == null ? null
                : new Signatory(input.signatory().name(), input.signatory().title(), input.signatory().institution());
        return new AgreementTerms(input.quota(), faceToFace, coordinator, signatory);
    }

    static FaceToFacePlan plan(PlanInput plan) {
        return new FaceToFacePlan(plan.startDate(), plan.endDate(), plan.city(), modality(plan.modality()), plan.hours(),
                plan.evaluationMethod());
    }

    private static Modality modality(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Modality.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("unknown-modality", "faceToFacePlan.modality",
                    "Modality must be one of IN_PERSON, HYBRID, VIRTUAL_LIVE.");
        }
    }
}
