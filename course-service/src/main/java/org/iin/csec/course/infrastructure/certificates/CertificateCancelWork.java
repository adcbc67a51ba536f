package org.iin.csec.course.infrastructure.certificates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A correction made a handed-off participant ineligible: certificate-service cancels the certificate if it is
 * not signed yet, or flags it for the course leader to revoke.
 */
@ApplicationScoped
public class CertificateCancelWork implements WorkHandler<OutboxItem> {

    @Inject
    CertificateService certificates;

    @Override
    public WorkKind kind() {
        return WorkKind.CERTIFICATE_CANCEL;
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public Map<Long, Outcome> send(List<OutboxItem> items) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        for (OutboxItem item : items) {
            if (!certificates.configured()) {
                outcomes.put(item.id(), Outcome.retry(CertificateHandoffWork.NOT_CONFIGURED));
                continue;
            }
            CertificateService.Answer answer = certificates.post(
                    "/issuance/" + item.editionCode() + "/" + item.participantId() + "/cancel", "{}");
            // Nothing to cancel there (never issued) is as good as cancelled.
            outcomes.put(item.id(), answer.status() == 404 ? Outcome.done(null) : CertificateHandoffWork.outcome(answer));
        }
        return outcomes;
    }

}
