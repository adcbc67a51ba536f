package org.iin.csec.course.application;

import org.iin.csec.course.domain.FieldProblem;
import org.iin.csec.course.domain.RuleViolation;
import org.iin.csec.course.domain.participant.Nominee;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a coordinator's CSV file of nominees: UTF-8 (a BOM is fine), a header row, comma- or
 * semicolon-separated (spreadsheets in Spanish locales save with ';'), RFC 4180 quoting. Problems with the
 * file as a whole are refused at once; problems with a row are reported against that row.
 */
public final class NomineeCsv {

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 2000;

    /** The template offered for download: the header and one example row. */
    public static final String TEMPLATE = "first_name,last_name,email,identity_document,position,institution,rank\r\n"
            + "Ana,García,ana.garcia@example.org,12345678,Social worker,Ministry of Social Development,1\r\n";

    /** Column names, in English and Spanish, mapped to the nominee's fields. */
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        column("firstName", "first_name", "firstname", "nombre", "nombres");
        column("lastName", "last_name", "lastname", "apellido", "apellidos");
        column("email", "email", "e-mail", "correo", "correo_electronico");
        column("identityDocument", "identity_document", "document", "documento", "documento_identidad");
        column("position", "position", "cargo");
        column("institution", "institution", "institucion", "institución");
        column("rank", "rank", "orden", "prioridad");
    }

    private static void column(String field, String... names) {
        for (String name : names) {
            COLUMNS.put(name, field);
        }
    }

    /** One data row: its line in the file, the nominee it describes, and problems found while reading it. */
    public record Row(int line, Nominee nominee, List<FieldProblem> problems) {
    }

    private NomineeCsv() {
    }

    public static List<Row> parse(byte[] bytes) {
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
            throw new RuleViolation("csv-empty", "file", "The file is empty: it needs a header row and at least one nominee.");
        }
        Map<Integer, String> fields = header(records.get(0));
        if (records.size() == 1) {
            throw new RuleViolation("csv-empty", "file", "The file has a header but no nominees.");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new RuleViolation("csv-too-many-rows", "file",
                    "The file has " + (records.size() - 1) + " rows; at most " + MAX_ROWS + " can be imported at once.");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(row(lines.get(i), records.get(i), fields, records.get(0).size()));
        }
        return rows;
    }

    private static Row row(int line, List<String> values, Map<Integer, String> fields, int columns) {
        List<FieldProblem> problems = new ArrayList<>();
        if (values.size() != columns) {
            problems.add(new FieldProblem(null,
                    "The row has " + values.size() + " values but the header has " + columns + " columns."));
        }
        Map<String, String> byField = new HashMap<>();
        for (int c = 0; c < Math.min(values.size(), columns); c++) {
            String value = values.get(c).trim();
            byField.put(fields.get(c), value.isEmpty() ? null : value);
        }
        Integer rank = null;
        String rankText = byField.get("rank");
        if (rankText != null) {
            try {
                rank = Integer.valueOf(rankText);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("rank", "Rank '" + rankText + "' is not a whole number."));
            }
        }
        Nominee nominee = new Nominee(byField.get("firstName"), byField.get("lastName"), byField.get("email"),
                byField.get("identityDocument"), byField.get("position"), byField.get("institution"), rank);
        return new Row(line, nominee, problems);
    }

    private static Map<Integer, String> header(List<String> names) {
        Map<Integer, String> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            String field = COLUMNS.get(name);
            if (field == null) {
                problems.add("unknown column '" + names.get(c).trim() + "'");
            } else if (fields.containsValue(field)) {
                problems.add("column '" + names.get(c).trim() + "' appears twice");
            } else {
                fields.put(c, field);
            }
        }
        for (String required : List.of("firstName", "lastName", "email")) {
            if (!fields.containsValue(required)) {
                problems.add("missing column for " + required);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("csv-bad-header", "file", "The header row is not valid: " + String.join("; ", problems)
                    + ". Expected columns: first_name, last_name, email, identity_document, position, institution, rank.");
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
