package org.iin.csec.moodle.emulator;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collection;

/** Small builders for the emulator's JSON answers, keeping Moodle's member order and taking plain Java values. */
final class Out {

    private Out() {
    }

    /** An ordered JSON object under construction. */
    static final class Obj {
        private final JsonObjectBuilder builder = Json.createObjectBuilder();

        Obj put(String name, Object value) {
            builder.add(name, value(value));
            return this;
        }

        JsonObject build() {
            return builder.build();
        }
    }

    static Obj obj() {
        return new Obj();
    }

    static JsonArray array(Collection<?> values) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        values.forEach(v -> builder.add(value(v)));
        return builder.build();
    }

    static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue) {
            return (JsonValue) value;
        }
        if (value instanceof Obj) {
            return ((Obj) value).build();
        }
        if (value instanceof String) {
            return Json.createValue((String) value);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Double) {
            // PHP prints whole floats such as a grade of 60.0 as 60.
            BigDecimal decimal = BigDecimal.valueOf((Double) value).stripTrailingZeros();
            return Json.createValue(decimal.scale() < 0 ? decimal.setScale(0) : decimal);
        }
        if (value instanceof Collection) {
            return array((Collection<?>) value);
        }
        throw new IllegalArgumentException("Not a JSON value: " + value.getClass());
    }
}
