package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.chassis.outbox.WorkStatus;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.domain.participant.Participant;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Eligibility, evaluated the moment either stage's result changes (in that change's transaction): an eligible
 * participant is handed to certificate-service once; a correction that ends eligibility cancels a hand-off
 * not yet sent, or asks certificate-service to cancel (or flag for revocation) the certificate.
 */
@ApplicationScoped
public class CertificateHandoff {

    @Inject
    Outbox outbox;

    public void evaluate(Participant participant, Instant now) {
        String edition = participant.edition().code();
        List<OutboxItem> history = outbox.findFor(edition, participant.id()).stream()
                .filter(i -> i.kind() == WorkKind.CERTIFICATE_HANDOFF || i.kind() == WorkKind.CERTIFICATE_CANCEL)
                .filter(i -> i.status() != WorkStatus.CANCELLED)
                .sorted(Comparator.comparing(OutboxItem::id))
                .toList();
        Optional<OutboxItem> last = history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
        boolean handedOff = last.isPresent() && last.get().kind() == WorkKind.CERTIFICATE_HANDOFF;
        if (participant.isEligibleForCertificate() && !handedOff) {
            outbox.add(new OutboxItem(WorkKind.CERTIFICATE_HANDOFF, edition, participant.id(), now));
        } else if (!participant.isEligibleForCertificate() && handedOff) {
            OutboxItem handoff = last.get();
            if (handoff.status() == WorkStatus.DONE) {
                outbox.add(new OutboxItem(WorkKind.CERTIFICATE_CANCEL, edition, participant.id(), now));
            } else {
                handoff.cancel("The participant is no longer eligible; the hand-off was not sent.");
            }
        }
    }
}
