package org.iin.csec.moodle;

import java.util.ArrayList;
import java.util.List;

/**
 * A call's parameters in PHP bracket notation, in order: {@code users[0][username]},
 * {@code users[0][customfields][0][type]}, {@code options[0][name]}. Null values are left out; booleans are 1/0.
 */
final class MoodleForm {

    private final List<String[]> fields = new ArrayList<>();

    MoodleForm add(String name, Object value) {
        if (value != null) {
            String text = value instanceof Boolean ? ((Boolean) value ? "1" : "0") : value.toString();
            fields.add(new String[] {name, text});
        }
        return this;
    }

    /** Element {@code index} of the list parameter {@code list}. */
    Element element(String list, int index) {
        return new Element(list + "[" + index + "]");
    }

    List<String[]> fields() {
        return fields;
    }

    /** One element of a list parameter, itself possibly holding lists. */
    final class Element {
        private final String prefix;

        private Element(String prefix) {
            this.prefix = prefix;
        }

        Element add(String key, Object value) {
            MoodleForm.this.add(prefix + "[" + key + "]", value);
            return this;
        }

        Element element(String list, int index) {
            return new Element(prefix + "[" + list + "][" + index + "]");
        }
    }
}
