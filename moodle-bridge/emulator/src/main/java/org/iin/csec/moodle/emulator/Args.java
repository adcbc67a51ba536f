package org.iin.csec.moodle.emulator;

/**
 * Parameter validation as Moodle's external API does it, with its debug texts: a missing required key or a value of
 * the wrong type rejects the whole call with {@code invalidparameter}.
 */
final class Args {

    private Args() {
    }

    /** The debug prefix Moodle adds for values nested inside the list parameter {@code list}. */
    static String inside(String list) {
        return list + " => Invalid parameter value detected: ";
    }

    static String required(FormParams p, String key, String context) throws WsError {
        String value = p.string(key);
        if (value == null) {
            throw WsError.invalidParameter(context + "Missing required key in single structure: " + key);
        }
        return value;
    }

    static String optional(FormParams p, String key, String fallback) {
        String value = p.string(key);
        return value == null ? fallback : value;
    }

    static long requiredInt(FormParams p, String key, String context) throws WsError {
        return toInt(key, required(p, key, context), context);
    }

    static long optionalInt(FormParams p, String key, long fallback, String context) throws WsError {
        String value = p.string(key);
        return value == null ? fallback : toInt(key, value, context);
    }

    static boolean optionalBool(FormParams p, String key, boolean fallback, String context) throws WsError {
        String value = p.string(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw wrongType(key, value, "bool", context);
        };
    }

    static long toInt(String key, String value, String context) throws WsError {
        if (!value.matches("-?\\d{1,18}")) {
            throw wrongType(key, value, "int", context);
        }
        return Long.parseLong(value);
    }

    static WsError wrongType(String key, String value, String type, String context) {
        return WsError.invalidParameter(context + key + " => Invalid parameter value detected: Invalid external api"
                + " parameter: the value is \"" + value + "\", the server was expecting \"" + type + "\" type");
    }
}
