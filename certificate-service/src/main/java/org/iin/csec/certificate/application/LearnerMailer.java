package org.iin.csec.certificate.application;

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

    /** The mail server did not take the message. */
    class MailNotSent extends Exception {
        private final boolean permanent;

        public MailNotSent(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        /** The address or the message itself was refused: trying again will not help. */
        public boolean permanent() {
            return permanent;
        }
    }
}
