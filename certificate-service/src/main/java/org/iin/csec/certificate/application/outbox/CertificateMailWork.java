package org.iin.csec.certificate.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.certificate.application.LearnerMailer;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.chassis.mail.MailNotSent;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * E-mails each learner their signed certificate; once the mail server accepts it the certificate is DELIVERED.
 * Without a mail server configured the e-mails wait in the outbox (a warning is logged once) and go out after the
 * service is restarted with one.
 */
@ApplicationScoped
public class CertificateMailWork implements WorkHandler<OutboxItem> {

    private static final Logger LOG = Logger.getLogger(CertificateMailWork.class.getName());

    private final AtomicBoolean warned = new AtomicBoolean();

    @Inject
    LearnerMailer mailer;

    @Inject
    DeliveryRecords records;

    @Override
    public WorkKind kind() {
        return WorkKind.MAIL_CERTIFICATE;
    }

    @Override
    public int batchSize() {
        return 10;
    }

    @Override
    public boolean ready() {
        if (mailer.isConfigured()) {
            return true;
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warning("No mail server is configured (csec.mail.host, csec.mail.from): signed certificates wait in "
                    + "the outbox, unsent, until the service runs with one.");
        }
        return false;
    }

    @Override
    public Map<Long, Outcome> send(List<OutboxItem> items) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        for (OutboxItem item : items) {
            DeliveryRecords.MailToSend toSend = records.mailFor(item.certificateId());
            if (toSend.instead() != null) {
                outcomes.put(item.id(), toSend.instead());
                continue;
            }
            try {
                mailer.send(toSend.mail());
                outcomes.put(item.id(), Outcome.done());
            } catch (MailNotSent e) {
                outcomes.put(item.id(), Outcome.failure(e.getMessage(), !e.permanent()));
            }
        }
        return outcomes;
    }

    @Override
    public void onDone(OutboxItem item, Outcome outcome) {
        records.delivered(item.certificateId());
    }
}
