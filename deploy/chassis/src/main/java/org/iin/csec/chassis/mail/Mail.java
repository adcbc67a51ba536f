package org.iin.csec.chassis.mail;

/** One e-mail in plain text, with at most one attachment (null when there is none). */
public record Mail(String to, String subject, String text, Attachment attachment) {

    public record Attachment(String fileName, String mediaType, byte[] content) {
    }

    public static Mail text(String to, String subject, String text) {
        return new Mail(to, subject, text, null);
    }
}
