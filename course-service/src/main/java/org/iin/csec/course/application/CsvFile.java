package org.iin.csec.course.application;

import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.RuleViolation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the CSV files coordinators upload: UTF-8 (a BOM is fine), a header row, comma- or semicolon-separated
 * (spreadsheets in Spanish locales save with ';'), RFC 4180 quoting. Column names map to fields through the
 * caller's aliases (English and Spanish). Problems with the file as a whole are refused at once; problems
 * with one row are reported against that row.
 */
public final class CsvFile {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 2000;

    /** One data row: its line in the file, its values by field, and problems found while reading it. */
    public record Row(int line, Map<String, String> values, List<FieldProblem> problems) {

        public String get(String field) {
            return values.get(field);
        }
    }

    private CsvFile() {
    }

    /**
     * @param aliases column name (lower case, spaces as '_') to field
     * @param required fields the header must have
     */
    public static List<Row> read(byte[] bytes, Map<String, String> aliases, Set<String> required) {
        if (bytes.length > MAX_BYTES) {
            throw new RuleViolation("csv-too-large", "file", "The file is larger than " + MAX_BYTES / 1024 + " KiB.");
        }
        String text = decodeUtf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        split(text, delimiterOf(text), records, lines);
        if (records.isEmpty()) {
            throw new RuleViolation("csv-empty", "file", "The file is empty: it needs a header row and at least one row.");
        }
        List<String> fields = header(records.get(0), aliases, required);
        if (records.size() == 1) {
            throw new RuleViolation("csv-empty", "file", "The file has a header but no rows.");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new RuleViolation("csv-too-many-rows", "file",
                    "The file has " + (records.size() - 1) + " rows; at most " + MAX_ROWS + " can be imported at once.");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> values = records.get(i);
            List<FieldProblem> problems = new ArrayList<>();
            if (values.size() != fields.size()) {
                problems.add(new FieldProblem(null,
                        "The row has " + values.size() + " values but the header has " + fields.size() + " columns."));
            }
            Map<String, String> byField = new HashMap<>();
            for (int c = 0; c < Math.min(values.size(), fields.size()); c++) {
                String value = values.get(c).trim();
                byField.put(fields.get(c), value.isEmpty() ? null : value);
            }
            rows.add(new Row(lines.get(i), byField, problems));
        }
        return rows;
    }

    /** Reads a whole number, or reports the field as a problem of the row. */
    public static Integer wholeNumber(Row row, String field, List<FieldProblem> problems) {
        String text = row.get(field);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a whole number."));
            return null;
        }
    }

    private static List<String> header(List<String> names, Map<String, String> aliases, Set<String> required) {
        List<String> fields = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            String field = aliases.get(name);
            if (field == null) {
                problems.add("unknown column '" + raw.trim() + "'");
            } else if (fields.contains(field)) {
                problems.add("column '" + raw.trim() + "' appears twice");
            }
            fields.add(field);
        }
        for (String field : required) {
            if (!fields.contains(field)) {
                problems.add("missing column for " + field);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("csv-bad-header", "file", "The header row is not valid: " + String.join("; ", problems)
                    + ". Download the template to see the expected columns.");
        }
        return fields;
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleViolation("csv-not-utf8", "file",
                    "The file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8' and try again.");
        }
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    }

    /** RFC 4180: quoted fields may hold the delimiter, line breaks and doubled quotes. */
    private static void split(String text, char delimiter, List<List<String>> records, List<Integer> lines) {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.length() == 0) {
                quoted = true;
            } else if (ch == delimiter) {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                addUnlessBlank(record, recordLine, records, lines);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new RuleViolation("csv-unclosed-quote", "file",
                    "A quoted value that starts on line " + recordLine + " is never closed.");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            addUnlessBlank(record, recordLine, records, lines);
        }
    }

    /** Blank lines (often trailing ones) are not rows. */
    private static void addUnlessBlank(List<String> record, int line, List<List<String>> records, List<Integer> lines) {
        if (record.size() == 1 && record.get(0).isBlank()) {
            return;
        }
        records.add(record);
        lines.add(line);
    }
}
