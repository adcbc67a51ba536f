package org.iin.csec.course.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.iin.csec.chassis.mail.Mail;
import org.iin.csec.chassis.mail.MailNotSent;
import org.iin.csec.chassis.mail.MailServer;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.outbox.WorkHandler;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends queued e-mail (notifications to coordinators and the course leader) through the chassis's mail server.
 * Without a server configured, mail waits in the outbox. A server that is down or busy means a retry; an address the
 * server refuses means the item stops with that reason.
 */
@ApplicationScoped
public class MailWork implements WorkHandler<OutboxItem> {

    @Inject
    MailServer server;

    @Override
    public WorkKind kind() {
        return WorkKind.EMAIL;
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public Map<Long, Outcome> send(List<OutboxItem> items) {
        Map<Long, Outcome> outcomes = new HashMap<>();
        if (!server.isConfigured()) {
            items.forEach(item -> outcomes.put(item.id(), Outcome.retry("Mail is not configured: set CSEC_MAIL_HOST.")));
            return outcomes;
        }
        for (OutboxItem item : items) {
            try (var reader = Json.createReader(new StringReader(item.payload()))) {
                JsonObject mail = reader.readObject();
                server.send(Mail.text(mail.getString("to"), mail.getString("subject"), mail.getString("text")));
                outcomes.put(item.id(), Outcome.done());
            } catch (MailNotSent e) {
                outcomes.put(item.id(), Outcome.failure(e.getMessage(), !e.permanent()));
            }
        }
        return outcomes;
    }
}
