package org.iin.csec.course.application;

import org.iin.csec.chassis.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NomineeCsvTest {

    @Test
    void readsQuotedCommaSeparatedUtf8WithABom() {
        List<NomineeCsv.Row> rows = parse("\uFEFFfirst_name,last_name,email,institution,rank\r\n"
                + "Ana,\"García, hija\",ana@example.org,\"Ministerio \"\"Niñez\"\"\",2\r\n"
                + "\r\n"
                + "Bruno,Silva,bruno@example.org,,\r\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).nominee().lastName()).isEqualTo("García, hija");
        assertThat(rows.get(0).nominee().institution()).isEqualTo("Ministerio \"Niñez\"");
        assertThat(rows.get(0).nominee().rank()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).nominee().institution()).isNull();
    }

    @Test
    void acceptsSemicolonsAndSpanishHeaders() {
        List<NomineeCsv.Row> rows = parse("Nombre;Apellido;Correo;Documento\nAna;Pérez;ana@example.org;123\n");

        assertThat(rows.get(0).nominee().email()).isEqualTo("ana@example.org");
        assertThat(rows.get(0).nominee().identityDocument()).isEqualTo("123");
    }

    @Test
    void reportsRowProblemsAgainstTheRow() {
        List<NomineeCsv.Row> rows = parse("first_name,last_name,email,rank\nAna,P,a@b.org,first\nB,C\n");

        assertThat(rows.get(0).problems()).singleElement().extracting("field").isEqualTo("rank");
        assertThat(rows.get(1).problems()).singleElement().extracting("message").asString().contains("2 values");
    }

    @Test
    void refusesFilesThatAreNotUsable() {
        assertRefused("", "csv-empty");
        assertRefused("first_name,last_name,email\n", "csv-empty");
        assertRefused("first_name,last_name\nA,B\n", "csv-bad-header");
        assertRefused("first_name,last_name,email,email\nA,B,c@d.ef,c@d.ef\n", "csv-bad-header");
        assertRefused("first_name,last_name,email,salary\nA,B,c@d.ef,1\n", "csv-bad-header");
        assertRefused("first_name,last_name,email\n\"A,B,c@d.ef\n", "csv-unclosed-quote");
        assertThatThrownBy(() -> NomineeCsv.parse(new byte[]{'a', ',', (byte) 0xC3, (byte) 0x28, '\n'}))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("csv-not-utf8");
        assertRefused("first_name,last_name,email\n" + "A,B,c@d.ef\n".repeat(CsvFile.MAX_ROWS + 1), "csv-too-many-rows");
        assertThatThrownBy(() -> NomineeCsv.parse(new byte[CsvFile.MAX_BYTES + 1]))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("csv-too-large");
    }

    @Test
    void theTemplateItselfImports() {
        assertThat(parse(NomineeCsv.TEMPLATE)).singleElement()
                .satisfies(row -> assertThat(row.nominee().problems()).isEmpty());
    }

    private static void assertRefused(String csv, String code) {
        assertThatThrownBy(() -> parse(csv)).isInstanceOf(RuleViolation.class).extracting("code").isEqualTo(code);
    }

    private static List<NomineeCsv.Row> parse(String csv) {
        return NomineeCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
    }
}
