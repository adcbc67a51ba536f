package org.iin.csec.certificate.domain;

/**
 * A request that the certificate rules do not allow (signing a revoked certificate, signing a field twice, revoking
 * without a reason...). Carries a stable code for clients and a message for people; nothing was changed.
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
