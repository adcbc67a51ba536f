package org.iin.csec.course.infrastructure.certificates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.agreement.AgreementRepository;
import org.iin.csec.course.domain.agreement.Signatory;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.domain.participant.Participant;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hands eligible participants to certificate-service, with a snapshot of what the certificate prints: the
 * name as the state wrote it, the edition, hours, dates, state and both signatories. certificate-service
 * answers the same certificate for the same participant, so a hand-off sent twice makes one certificate.
 */
@ApplicationScoped
public class CertificateHandoffWork implements WorkHandler<OutboxItem> {

    static final String NOT_CONFIGURED = "The services' shared token is not configured (CSEC_SERVICE_TOKEN).";

    @Inject
    CertificateService certificates;

    @Inject
    HandoffRequests requests;

    @Override
    public WorkKind kind() {
        return WorkKind.CERTIFICATE_HANDOFF;
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public Map<Long, Outcome> send(List<OutboxItem> items) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        Map<Long, HandoffRequests.Request> toSend = requests.of(items);
        for (OutboxItem item : items) {
            HandoffRequests.Request request = toSend.get(item.id());
            if (!certificates.configured()) {
                outcomes.put(item.id(), Outcome.retry(NOT_CONFIGURED));
            } else if (request.refusal() != null) {
                outcomes.put(item.id(), Outcome.failed(request.refusal()));
            } else {
                outcomes.put(item.id(), outcome(certificates.post("/issuance", request.json())));
            }
        }
        return outcomes;
    }


    static Outcome outcome(CertificateService.Answer answer) {
        if (answer.ok()) {
            return Outcome.done(null);
        }
        String reason = "certificate-service answered " + (answer.status() == 0 ? "nothing" : answer.status())
                + ": " + shorten(answer.body());
        return Outcome.failure(reason, answer.retryable());
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
    }

    /** Builds the hand-off requests in one short transaction, from the data as it is now. */
    @ApplicationScoped
    public static class HandoffRequests {

        /** The JSON to send, or why there is nothing to send (a reason a person can act on). */
        public record Request(String json, String refusal) {
        }

        @PersistenceContext(unitName = "course")
        EntityManager em;

        @Inject
        AgreementRepository agreements;

        @Inject
        @ConfigProperty(name = "csec.iin.signatory.name", defaultValue = "IIN course leader")
        String iinName;

        @Inject
        @ConfigProperty(name = "csec.iin.signatory.title", defaultValue = "Course leader")
        String iinTitle;

        @Inject
        @ConfigProperty(name = "csec.iin.signatory.institution", defaultValue = "Inter-American Children's Institute (IIN-OAS)")
        String iinInstitution;

        @Transactional
        public Map<Long, Request> of(List<OutboxItem> items) {
            Map<Long, Request> requests = new HashMap<>();
            for (OutboxItem item : items) {
                Participant p = em.find(Participant.class, item.participantId());
                if (p == null || !p.isEligibleForCertificate()) {
                    requests.put(item.id(), new Request(null, "Participant " + item.participantId()
                            + " is no longer eligible for a certificate."));
                    continue;
                }
                Agreement agreement = agreements.find(p.edition(), p.stateCode()).orElseThrow();
                Signatory stateSignatory = agreement.signatory();
                if (stateSignatory == null || stateSignatory.name() == null || stateSignatory.name().isBlank()) {
                    requests.put(item.id(), new Request(null, "The agreement with " + p.stateCode()
                            + " names no signatory: add it to the agreement, then retry."));
                    continue;
                }
                var edition = p.edition();
                var plan = agreement.faceToFacePlan();
                JsonObjectBuilder editionJson = Json.createObjectBuilder()
                        .add("code", edition.code()).add("title", edition.title()).add("language", edition.language())
                        .add("courseHours", edition.courseHours())
                        .add("onlineStageStart", edition.onlineStageStart().toString())
                        .add("onlineStageEnd", edition.onlineStageEnd().toString());
                if (plan != null && plan.startDate() != null) {
                    editionJson.add("faceToFaceStart", plan.startDate().toString());
                }
                if (plan != null && plan.endDate() != null) {
                    editionJson.add("faceToFaceEnd", plan.endDate().toString());
                }
                requests.put(item.id(), new Request(Json.createObjectBuilder()
                        .add("participantId", p.id())
                        .add("edition", editionJson)
                        .add("holder", Json.createObjectBuilder().add("firstName", p.firstName())
                                .add("lastName", p.lastName()).add("email", p.email()))
                        .add("state", Json.createObjectBuilder().add("code", p.stateCode())
                                .add("name", new Locale("", p.stateCode()).getDisplayCountry(new Locale(edition.language()))))
                        .add("iinSignatory", signatory(iinName, iinTitle, iinInstitution))
                        .add("stateSignatory", signatory(stateSignatory.name(), stateSignatory.title(),
                                stateSignatory.institution()))
                        .build().toString(), null));
            }
            return requests;
        }

        private static JsonObjectBuilder signatory(String name, String title, String institution) {
            return Json.createObjectBuilder().add("name", name).add("title", title == null ? "" : title)
                    .add("institution", institution == null ? "" : institution);
        }
    }
}
