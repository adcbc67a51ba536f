package org.iin.csec.course.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.course.application.outbox.Outcome;
import org.iin.csec.course.application.outbox.WorkHandler;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends queued e-mail through the SMTP server in CSEC_MAIL_HOST (port, user, password, sender, STARTTLS).
 * Without a server configured, mail waits in the outbox. A server that is down or busy means a retry; an
 * address the server refuses means the item stops with that reason.
 */
@ApplicationScoped
public class MailWork implements WorkHandler {

    @Inject
    @ConfigProperty(name = "csec.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "csec.mail.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "csec.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "csec.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "csec.mail.from", defaultValue = "csec-course@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "csec.mail.starttls", defaultValue = "true")
    boolean starttls;

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
        if (host.isEmpty() || host.get().isBlank()) {
            items.forEach(item -> outcomes.put(item.id(), Outcome.retry("Mail is not configured: set CSEC_MAIL_HOST.")));
            return outcomes;
        }
        Session session = session();
        for (OutboxItem item : items) {
            try (var reader = Json.createReader(new StringReader(item.payload()))) {
                JsonObject mail = reader.readObject();
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(from));
                message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.getString("to")));
                message.setSubject(mail.getString("subject"), StandardCharsets.UTF_8.name());
                message.setText(mail.getString("text"), StandardCharsets.UTF_8.name());
                Transport.send(message);
                outcomes.put(item.id(), Outcome.done(null));
            } catch (SendFailedException refused) {
                outcomes.put(item.id(), Outcome.failed("The mail server refused the address: " + refused.getMessage()));
            } catch (MessagingException e) {
                outcomes.put(item.id(), Outcome.retry("The mail server did not take the message: " + e.getMessage()));
            }
        }
        return outcomes;
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
        if (username.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            return Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username.get(), password.orElse(""));
                }
            });
        }
        return Session.getInstance(properties);
    }

}
