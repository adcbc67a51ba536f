package org.iin.csec.moodle.emulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON the way PHP's {@code json_encode} does in Moodle: no spaces, {@code /} escaped as {@code \/} and every
 * non-ASCII character as a backslash-u escape, so answers look byte-for-byte like a real site's.
 */
final class PhpJson {

    private PhpJson() {
    }

    static String encode(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case NULL -> out.append("null");
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NUMBER -> out.append(number(((JsonNumber) value).bigDecimalValue()));
            case STRING -> string(((JsonString) value).getString(), out);
            case ARRAY -> {
                out.append('[');
                Iterator<JsonValue> it = ((JsonArray) value).iterator();
                while (it.hasNext()) {
                    write(it.next(), out);
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonValue>> it = ((JsonObject) value).entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonValue> member = it.next();
                    string(member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                out.append('}');
            }
            default -> throw new IllegalStateException(value.getValueType().toString());
        }
    }

    static String number(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
