package org.iin.csec.moodle.emulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Writes answers in the REST server's XML format ({@code RESPONSE/SINGLE/KEY/VALUE}, lists as {@code MULTIPLE},
 * booleans as 1/0, errors as {@code EXCEPTION}), which Moodle uses when {@code moodlewsrestformat} is omitted or
 * {@code xml}.
 */
final class MoodleXml {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n";

    private MoodleXml() {
    }

    static String response(JsonValue value) {
        StringBuilder out = new StringBuilder(PROLOG).append("<RESPONSE>\n");
        if (value.getValueType() != JsonValue.ValueType.NULL) {
            write(value, out);
        }
        return out.append("</RESPONSE>\n").toString();
    }

    static String exception(WsError error, boolean debugging) {
        StringBuilder out = new StringBuilder(PROLOG)
                .append("<EXCEPTION class=\"").append(escape(error.exceptionClass)).append("\">\n")
                .append("<ERRORCODE>").append(escape(error.errorCode)).append("</ERRORCODE>\n")
                .append("<MESSAGE>").append(escape(error.getMessage())).append("</MESSAGE>\n");
        if (debugging && error.debugInfo != null) {
            out.append("<DEBUGINFO>").append(escape(error.debugInfo)).append("</DEBUGINFO>\n");
        }
        return out.append("</EXCEPTION>\n").toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append("<SINGLE>\n");
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    out.append("<KEY name=\"").append(escape(member.getKey())).append("\">");
                    write(member.getValue(), out);
                    out.append("</KEY>\n");
                }
                out.append("</SINGLE>\n");
            }
            case ARRAY -> {
                out.append("<MULTIPLE>\n");
                for (JsonValue element : (JsonArray) value) {
                    write(element, out);
                }
                out.append("</MULTIPLE>\n");
            }
            case NULL -> out.append("<VALUE null=\"null\"/>\n");
            case TRUE -> out.append("<VALUE>1</VALUE>\n");
            case FALSE -> out.append("<VALUE>0</VALUE>\n");
            case NUMBER -> out.append("<VALUE>")
                    .append(PhpJson.number(((JsonNumber) value).bigDecimalValue())).append("</VALUE>\n");
            case STRING -> out.append("<VALUE>")
                    .append(escape(((JsonString) value).getString())).append("</VALUE>\n");
            default -> throw new IllegalStateException(value.getValueType().toString());
        }
    }

    /** PHP's {@code htmlspecialchars(..., ENT_COMPAT)}: single quotes stay as they are. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
