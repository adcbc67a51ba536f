package org.iin.csec.moodle.emulator;

/**
 * An error as Moodle reports it: exception class, error code, message and (with debugging on) debug information.
 * Thrown by function handlers and rendered as the error body, still with HTTP 200.
 */
final class WsError extends Exception {

    private static final long serialVersionUID = 1L;

    final String exceptionClass;
    final String errorCode;
    final String debugInfo;

    WsError(String exceptionClass, String errorCode, String message, String debugInfo) {
        super(message, null, false, false);
        this.exceptionClass = exceptionClass;
        this.errorCode = errorCode;
        this.debugInfo = debugInfo;
    }

    static WsError invalidParameter(String debugInfo) {
        return new WsError("core\\exception\\invalid_parameter_exception", "invalidparameter",
                "Invalid parameter value detected", debugInfo);
    }

    static WsError missingRecord(String table) {
        return new WsError("dml_missing_record_exception", "invalidrecord",
                "Can't find data record in database table " + table + ".", null);
    }

    static WsError invalidUser() {
        return new WsError("dml_missing_record_exception", "invaliduser", "Invalid user", null);
    }

    static WsError moodle(String errorCode, String message) {
        return new WsError("core\\exception\\moodle_exception", errorCode, message, null);
    }

    static WsError moodle(String errorCode, String message, String debugInfo) {
        return new WsError("core\\exception\\moodle_exception", errorCode, message, debugInfo);
    }

    static WsError invalidToken() {
        return moodle("invalidtoken", "Invalid token - token not found");
    }

    static WsError accessException() {
        return new WsError("webservice_access_exception", "accessexception", "Access control exception", null);
    }

    static WsError requireLogin() {
        return new WsError("core\\exception\\require_login_exception", "requireloginerror",
                "Course or activity not accessible.", null);
    }

    static WsError codingError(String detail) {
        return new WsError("core\\exception\\coding_exception", "codingerror",
                "Coding error detected, it must be fixed by a programmer: " + detail, null);
    }
}
