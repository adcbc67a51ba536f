package org.iin.csec.certificate.domain.outbox;

/** What an outbox item asks the outside world to do, for one certificate. */
public enum WorkKind {
    /** E-mail the learner the signed PDF; the certificate becomes DELIVERED when the mail server accepts it. */
    MAIL_CERTIFICATE,
    /** Tell course-service the participant is certified (their certificate was delivered). */
    NOTIFY_CERTIFIED
}
