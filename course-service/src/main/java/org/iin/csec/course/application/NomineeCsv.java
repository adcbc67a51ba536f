package org.iin.csec.course.application;

import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.course.domain.participant.Nominee;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A coordinator's CSV file of nominees (see {@link CsvFile} for what a file may be). */
public final class NomineeCsv {

    /** The template offered for download: the header and one example row. */
    public static final String TEMPLATE = "first_name,last_name,email,identity_document,position,institution,rank\r\n"
            + "Ana,García,ana.garcia@example.org,12345678,Social worker,Ministry of Social Development,1\r\n";

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
        return CsvFile.read(bytes, COLUMNS, Set.of("firstName", "lastName", "email")).stream().map(row -> {
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            Integer rank = CsvFile.wholeNumber(row, "rank", problems);
            Nominee nominee = new Nominee(row.get("firstName"), row.get("lastName"), row.get("email"),
                    row.get("identityDocument"), row.get("position"), row.get("institution"), rank);
            return new Row(row.line(), nominee, problems);
        }).toList();
    }
}
