package org.iin.csec.moodle.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters decoded from PHP bracket notation ({@code users[0][customfields][0][type]}) into a tree, the way
 * PHP fills {@code $_POST}.
 */
final class FormParams {

    private final Map<String, Object> node;

    private FormParams(Map<String, Object> node) {
        this.node = node;
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body (or query string). */
    static FormParams parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return new FormParams(root);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, path(key), value);
        }
        return new FormParams(root);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static List<String> path(String key) {
        List<String> segments = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            segments.add(key);
            return segments;
        }
        segments.add(key.substring(0, open));
        int i = open;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                break;
            }
            segments.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> current = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object next = current.get(path.get(i));
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(path.get(i), next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(path.get(path.size() - 1), value);
    }

    boolean has(String key) {
        return node.containsKey(key);
    }

    /** The scalar value of {@code key}, or null when absent or not a scalar. */
    String string(String key) {
        Object value = node.get(key);
        return value instanceof String ? (String) value : null;
    }

    /** The sub-structure {@code key}, or null when absent or a scalar. */
    @SuppressWarnings("unchecked")
    FormParams child(String key) {
        Object value = node.get(key);
        return value instanceof Map ? new FormParams((Map<String, Object>) value) : null;
    }

    /** The elements of the list {@code key} in index order; empty when absent. */
    @SuppressWarnings("unchecked")
    List<FormParams> list(String key) {
        List<FormParams> items = new ArrayList<>();
        Object value = node.get(key);
        if (value instanceof Map) {
            for (Object element : sortedByIndex((Map<String, Object>) value)) {
                if (element instanceof Map) {
                    items.add(new FormParams((Map<String, Object>) element));
                }
            }
        }
        return items;
    }

    /** The scalar elements of the list {@code key} in index order; empty when absent. */
    @SuppressWarnings("unchecked")
    List<String> strings(String key) {
        List<String> items = new ArrayList<>();
        Object value = node.get(key);
        if (value instanceof Map) {
            for (Object element : sortedByIndex((Map<String, Object>) value)) {
                if (element instanceof String) {
                    items.add((String) element);
                }
            }
        }
        return items;
    }

    private static List<Object> sortedByIndex(Map<String, Object> map) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Comparator.comparingLong(e -> index(e.getKey())));
        List<Object> values = new ArrayList<>();
        entries.forEach(e -> values.add(e.getValue()));
        return values;
    }

    private static long index(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
