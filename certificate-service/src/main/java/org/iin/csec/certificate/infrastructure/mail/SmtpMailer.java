package org.iin.csec.certificate.infrastructure.mail;

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
import org.iin.csec.certificate.application.LearnerMailer;

import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends learners' e-mails through the SMTP server in csec.mail.* (host, port, username, password, from, starttls).
 * A refused recipient is permanent; anything else (server down, timeout, authentication) may be fixed and is
 * retried by the outbox. The SMTP password is only handed to Jakarta Mail.
 */
@ApplicationScoped
public class SmtpMailer implements LearnerMailer {

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

    @Override
    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent() && from.filter(f -> !f.isBlank()).isPresent();
    }

    @Override
    public void send(LearnerMail mail) throws MailNotSent {
        Session session = session();
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from.orElseThrow(), true));
            message.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(mail.to(), true)});
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.body(), "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.pdf(), "application/pdf")));
            attachment.setFileName(mail.attachmentName());
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(text, attachment));
            Transport.send(message);
        } catch (AddressException e) {
            throw new MailNotSent("The learner's e-mail address is not valid.", true, e);
        } catch (SendFailedException e) {
            boolean refusedRecipient = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new MailNotSent(refusedRecipient ? "The mail server refused the learner's address."
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
