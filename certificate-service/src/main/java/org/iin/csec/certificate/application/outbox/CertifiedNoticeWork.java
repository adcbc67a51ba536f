package org.iin.csec.certificate.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.certificate.application.CourseNotifier;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tells course-service that a participant's certificate was delivered, so it marks them CERTIFIED. */
@ApplicationScoped
public class CertifiedNoticeWork implements WorkHandler<OutboxItem> {

    @Inject
    CourseNotifier courseService;

    @Inject
    DeliveryRecords records;

    @Override
    public WorkKind kind() {
        return WorkKind.NOTIFY_CERTIFIED;
    }

    @Override
    public int batchSize() {
        return 20;
    }

    @Override
    public Map<Long, Outcome> send(List<OutboxItem> items) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        for (OutboxItem item : items) {
            DeliveryRecords.Notice notice = records.noticeFor(item.certificateId());
            outcomes.put(item.id(), courseService.certified(notice.participantId(), notice.editionCode(),
                    notice.number(), notice.verificationUrl()));
        }
        return outcomes;
    }

    @Override
    public void onDone(OutboxItem item, Outcome outcome) {
        // Nothing changes here: course-service records the participant as certified.
    }
}
