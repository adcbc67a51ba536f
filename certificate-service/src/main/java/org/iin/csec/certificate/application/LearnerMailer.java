package org.iin.csec.certificate.application;

import org.iin.csec.chassis.mail.MailNotSent;

/** Sends e-mail to learners (implemented over SMTP); the application says what, the infrastructure how. */
public interface LearnerMailer {

    /** Whether a mail server is configured; without one, certificates wait in the outbox, unsent. */
    boolean isConfigured();

    /**
     * Hands the message to the mail server.
     *
     * @throws MailNotSent saying whether trying again later may help
     */
    void send(LearnerMail mail) throws MailNotSent;

    /** One e-mail with the certificate attached. */
    record LearnerMail(String to, String subject, String body, String attachmentName, byte[] pdf) {
    }
}
