package org.iin.csec.moodle;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * Moodle answered with an error body ({@code exception}, {@code errorcode}, {@code message}; HTTP 200 all the same).
 * These are permanent: the same call fails again until the data or the site's configuration changes. Only a site in
 * maintenance mode is worth retrying as is.
 *
 * <p>Subclasses single out the two causes callers act on: {@link MoodleAccessException} (token, service or capability:
 * an administrator must fix Moodle) and {@link MoodleInvalidParameterException} (Moodle rejected the data sent).
 */
public non-sealed class MoodleErrorException extends MoodleException {

    private static final long serialVersionUID = 1L;

    private static final Set<String> RETRYABLE = Set.of("sitemaintenance");
    private static final Set<String> ACCESS = Set.of("invalidtoken", "accessexception", "requireloginerror",
            "nopermissions", "wsusercannotassign", "servicerequireslogin", "usernotfullysetup",
            "forcepasswordchangenotice", "sitepolicynotagreed", "invalidtimedtoken", "invalidiptoken",
            "wsaccessuserdeleted", "wsaccessusersuspended", "wsaccessusernologin", "wsaccessuserexpired",
            "wsaccessusernotconfirmed", "enablewsdescription");

    private final String exceptionClass;
    private final String errorCode;
    private final String debugInfo;

    MoodleErrorException(String function, String exceptionClass, String errorCode, String message, String debugInfo) {
        super(function, function + ": Moodle answered " + errorCode + " (" + message + ")", null);
        this.exceptionClass = exceptionClass;
        this.errorCode = errorCode;
        this.debugInfo = debugInfo;
    }

    /** The typed exception for an error body; texts pass through {@code redact} so the token cannot leak. */
    static MoodleErrorException of(String function, JsonObject body, java.util.function.UnaryOperator<String> redact) {
        String exceptionClass = redact.apply(body.getString("exception", ""));
        String errorCode = redact.apply(body.getString("errorcode", ""));
        String message = redact.apply(body.getString("message", ""));
        String debugInfo = body.containsKey("debuginfo") && !body.isNull("debuginfo")
                ? redact.apply(body.getString("debuginfo", "")) : null;
        if (ACCESS.contains(errorCode)) {
            return new MoodleAccessException(function, exceptionClass, errorCode, message, debugInfo);
        }
        if (errorCode.equals("invalidparameter")) {
            return new MoodleInvalidParameterException(function, exceptionClass, errorCode, message, debugInfo);
        }
        return new MoodleErrorException(function, exceptionClass, errorCode, message, debugInfo);
    }

    /** Moodle's exception class, e.g. {@code dml_missing_record_exception}. */
    public String exceptionClass() {
        return exceptionClass;
    }

    @Override
    public String errorCode() {
        return errorCode;
    }

    /** What Moodle adds when site debugging is on, e.g. "Username already exists: ana.garcia". */
    public Optional<String> debugInfo() {
        return Optional.ofNullable(debugInfo);
    }

    @Override
    public boolean isRetryable() {
        return RETRYABLE.contains(errorCode);
    }
}
