package org.iin.csec.course.application;

/**
 * A text value made safe for a CSV cell that people open in a spreadsheet: quoted as RFC 4180 says, and a
 * leading = + - @ (or tab, carriage return) neutralised with an apostrophe, so no cell runs as a formula.
 */
public final class SpreadsheetCell {

    private SpreadsheetCell() {
    }

    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || safe.contains(";")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
