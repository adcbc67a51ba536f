package org.iin.csec.chassis.mail;

/** The mail server did not take the message; {@link #permanent()} says whether trying again may help. */
public class MailNotSent extends Exception {

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
