package org.iin.csec.chassis.mail;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * The SMTP server both services send through, from csec.mail.* (host, port, username, password, from, starttls). A
 * refused recipient is permanent; anything else (server down, timeout, authentication) may be fixed and is retried by
 * the outbox. The SMTP password is only handed to Jakarta Mail.
 */
@ApplicationScoped
public class MailServer {

    private static final String TIMEOUT_MILLIS = "20000";

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
    @ConfigProperty(name = "csec.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "csec.mail.starttls", defaultValue = "true")
    boolean starttls;

    public MailServer() {
    }

    /** A server without authentication or STARTTLS, for tests without a container; a null host is none. */
    public MailServer(String host, int port, String from) {
        this.host = Optional.ofNullable(host);
        this.port = port;
        this.username = Optional.empty();
        this.password = Optional.empty();
        this.from = Optional.ofNullable(from);
        this.starttls = false;
    }

    /** Whether a server and a sender are configured; without them, mail waits in the outbox, unsent. */
    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent() && from.filter(f -> !f.isBlank()).isPresent();
    }

    public void send(Mail mail) throws MailNotSent {
        Session session = session();
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from.orElseThrow(), true));
            message.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(mail.to(), true)});
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (mail.attachment() == null) {
                message.setText(mail.text(), StandardCharsets.UTF_8.name());
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.text(), StandardCharsets.UTF_8.name());
                MimeBodyPart attachment = new MimeBodyPart();
                attachment.setDataHandler(new DataHandler(
                        new ByteArrayDataSource(mail.attachment().content(), mail.attachment().mediaType())));
                attachment.setFileName(mail.attachment().fileName());
                attachment.setDisposition(MimeBodyPart.ATTACHMENT);
                message.setContent(new MimeMultipart(text, attachment));
            }
            Transport.send(message);
        } catch (AddressException e) {
            throw new MailNotSent("The recipient's e-mail address is not valid.", true, e);
        } catch (SendFailedException e) {
            boolean refusedRecipient = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new MailNotSent(refusedRecipient ? "The mail server refused the recipient's address."
                    : "The mail server did not take the message: " + e.getMessage(), refusedRecipient, e);
        } catch (AuthenticationFailedException e) {
            throw new MailNotSent("The mail server refused csec.mail.username and password.", false, e);
        } catch (MessagingException e) {
            throw new MailNotSent("The mail server cannot be reached or did not answer: " + e.getMessage(), false, e);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host.orElseThrow());
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (starttls) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        boolean authenticate = username.filter(u -> !u.isBlank()).isPresent();
        properties.setProperty("mail.smtp.auth", String.valueOf(authenticate));
        Authenticator authenticator = !authenticate ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username.get(), password.orElse(""));
            }
        };
        return Session.getInstance(properties, authenticator);
    }
}
