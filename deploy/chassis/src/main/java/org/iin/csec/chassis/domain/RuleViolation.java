package org.iin.csec.chassis.domain;

/**
 * A request that the rules do not allow (a quota below the seats held, a nomination outside the nomination period,
 * signing a revoked certificate...). Carries a stable code for clients and a message for people; nothing was changed.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final String field;

    public RuleViolation(String code, String message) {
        this(code, null, message);
    }

    public RuleViolation(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The input field the violation is about, or null when it concerns the request as a whole. */
    public String field() {
        return field;
    }
}
