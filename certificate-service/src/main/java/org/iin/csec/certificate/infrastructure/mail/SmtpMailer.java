package org.iin.csec.certificate.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.iin.csec.certificate.application.LearnerMailer;
import org.iin.csec.chassis.mail.Mail;
import org.iin.csec.chassis.mail.MailNotSent;
import org.iin.csec.chassis.mail.MailServer;

/** Learners' e-mails, with their certificate attached, through the chassis's mail server (csec.mail.*). */
@ApplicationScoped
public class SmtpMailer implements LearnerMailer {

    @Inject
    MailServer server;

    @Override
    public boolean isConfigured() {
        return server.isConfigured();
    }

    @Override
    public void send(LearnerMail mail) throws MailNotSent {
        server.send(new Mail(mail.to(), mail.subject(), mail.body(),
                new Mail.Attachment(mail.attachmentName(), "application/pdf", mail.pdf())));
    }
}
