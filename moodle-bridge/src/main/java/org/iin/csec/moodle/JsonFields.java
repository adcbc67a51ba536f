package org.iin.csec.moodle;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Lenient reading of Moodle's JSON: ids that are sometimes strings, booleans that are sometimes 0/1, members left out
 * when empty, nulls where a time is unset.
 */
final class JsonFields {

    private JsonFields() {
    }

    static long longOf(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber) {
            return ((JsonNumber) v).longValue();
        }
        if (v instanceof JsonString) {
            try {
                return Long.parseLong(((JsonString) v).getString().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static Double doubleOrNull(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber) {
            return ((JsonNumber) v).doubleValue();
        }
        if (v instanceof JsonString) {
            try {
                return Double.parseDouble(((JsonString) v).getString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The text, or null when missing, null or empty. */
    static String textOf(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString) {
            String s = ((JsonString) v).getString();
            return s.isEmpty() ? null : s;
        }
        if (v instanceof JsonNumber) {
            return v.toString();
        }
        return null;
    }

    static boolean boolOf(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v instanceof JsonNumber) {
            return ((JsonNumber) v).intValue() != 0;
        }
        return v instanceof JsonString && (((JsonString) v).getString().equals("1")
                || ((JsonString) v).getString().equalsIgnoreCase("true"));
    }

    /** The objects of an array member; empty when missing. */
    static List<JsonObject> objects(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.ARRAY ? objects(v) : List.of();
    }

    static List<JsonObject> objects(JsonValue array) {
        List<JsonObject> list = new ArrayList<>();
        for (JsonValue element : array.asJsonArray()) {
            if (element.getValueType() == JsonValue.ValueType.OBJECT) {
                list.add(element.asJsonObject());
            }
        }
        return list;
    }
}
