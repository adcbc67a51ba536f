package org.iin.csec.certificate.infrastructure;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations run on H2 in MySQL mode, as the embedded default does (MariaDB is covered by an IT). */
class SchemaMigrationTest {

    @Test
    void migratesAndOnlyOneLiveCertificatePerParticipantAndEdition() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        var result = Flyway.configure().dataSource(h2).locations("classpath:db/migration/certificate").load().migrate();
        assertThat(result.success).isTrue();

        try (Connection c = h2.getConnection(); Statement sql = c.createStatement()) {
            sql.execute(insert(1, "2027-1/AR/0001", "AAAA-AAAA-AAAA-AAA1", "TRUE"));
            // Refused by the unique key (SQLState class 23, integrity constraint violation), not by a broken statement.
            assertThatThrownBy(() -> sql.execute(insert(1, "2027-1/AR/0002", "AAAA-AAAA-AAAA-AAA2", "TRUE")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"));
            sql.execute("UPDATE certificate SET live = NULL, status = 'REVOKED'");
            sql.execute(insert(1, "2027-1/AR/0002", "AAAA-AAAA-AAAA-AAA2", "TRUE"));
            sql.execute("UPDATE certificate SET live = NULL, status = 'REVOKED' WHERE number = '2027-1/AR/0002'");
            sql.execute(insert(1, "2027-1/AR/0003", "AAAA-AAAA-AAAA-AAA3", "TRUE"));
        }
    }

    private static String insert(long participant, String number, String code, String live) {
        return "INSERT INTO certificate (edition_code, participant_id, state_code, number, verification_code, status,"
                + " live, holder_email, holder_first_name, holder_last_name, edition_title, course_hours,"
                + " online_start, online_end, state_name, iin_signatory_name, iin_signatory_title,"
                + " iin_signatory_institution, state_signatory_name, state_signatory_title,"
                + " state_signatory_institution, printed_language, requested_language, issue_date, issued_at,"
                + " revocation_requested, version) VALUES ('2027-1', " + participant + ", 'AR', '" + number + "', '"
                + code + "', 'ISSUED', " + live + ", 'a@b.org', 'A', 'B', 'T', 1, '2027-01-01', '2027-01-02', 'AR',"
                + " 'n', 't', 'i', 'n', 't', 'i', 'es', 'es', '2027-01-03', '2027-01-03 00:00:00', FALSE, 1)";
    }
}
