package org.iin.csec.certificate.it;

import org.iin.csec.certificate.application.signing.FieldSignature;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.infrastructure.signing.SignatureVerifier;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edition's certificates as the database holds them, read as root behind the service's back, and the check that
 * none is half-written: each is as issued, or carries one complete, valid IIN signature added in append mode.
 */
final class StoredCertificates {

    private static final String IIN_FIELD = SignerRole.IIN.fieldName();
    private static final String STATE_FIELD = SignerRole.STATE.fieldName();

    private final SignatureVerifier verifier = new SignatureVerifier();
    private final TestCredentials iinKey;

    StoredCertificates(TestCredentials iinKey) {
        this.iinKey = iinKey;
    }

    /** A certificate's row and its files. */
    record Row(long id, String number, String status, String iinSignedBy, Timestamp iinSignedAt,
               String stateSignedBy, byte[] prepared, byte[] current) {

        boolean signed() {
            return iinSignedBy != null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row r && id == r.id && number.equals(r.number) && status.equals(r.status)
                    && Objects.equals(iinSignedBy, r.iinSignedBy) && Objects.equals(iinSignedAt, r.iinSignedAt)
                    && Objects.equals(stateSignedBy, r.stateSignedBy)
                    && Arrays.equals(prepared, r.prepared) && Arrays.equals(current, r.current);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }

        @Override
        public String toString() {
            return number + (signed() ? " signed by " + iinSignedBy : " unsigned") + ", " + current.length + " bytes";
        }
    }

    /** Every certificate of the edition with its files, by id. */
    static Map<Long, Row> read(Connection db, String edition) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement sql = db.prepareStatement("SELECT c.id, c.number, c.status, c.iin_signed_by,"
                + " c.iin_signed_at, c.state_signed_by, f.prepared_pdf, f.current_pdf FROM certificate c"
                + " LEFT JOIN certificate_file f ON f.certificate_id = c.id WHERE c.edition_code = ? ORDER BY c.id")) {
            sql.setString(1, edition);
            try (ResultSet r = sql.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getLong(1), new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getTimestamp(5), r.getString(6), r.getBytes(7), r.getBytes(8)));
                }
            }
        }
        return rows;
    }

    /** As issued (no signature, the file as prepared), or whole: one valid IIN signature over the prepared file. */
    void assertWhole(Row row) {
        assertThat(row.prepared()).as("%s has its prepared file", row.number()).isNotNull().isNotEmpty();
        assertThat(row.current()).as("%s has its current file", row.number()).isNotNull().isNotEmpty();
        SignatureReport report = verifier.verify(row.current());
        assertThat(row.stateSignedBy()).as(row.number()).isNull();
        assertThat(report.field(STATE_FIELD)).as(row.number()).hasValueSatisfying(f ->
                assertThat(f.isSigned()).isFalse());
        if (!row.signed()) {
            assertThat(row.current()).as("%s: unsigned, so as prepared", row.number()).isEqualTo(row.prepared());
            assertThat(report.signatures()).as(row.number()).isEmpty();
            assertThat(row.iinSignedAt()).as(row.number()).isNull();
            assertThat(row.status()).as(row.number()).isEqualTo("ISSUED");
            return;
        }
        assertThat(row.current().length).as(row.number()).isGreaterThan(row.prepared().length);
        assertThat(Arrays.copyOf(row.current(), row.prepared().length))
                .as("%s: signed in append mode, the prepared file unchanged under it", row.number())
                .isEqualTo(row.prepared());
        assertThat(report.signatures()).as("%s: exactly one signature", row.number()).hasSize(1);
        FieldSignature iin = report.field(IIN_FIELD).flatMap(f -> f.signature()).orElseThrow(() ->
                new AssertionError(row.number() + ": no signature in the IIN field"));
        assertThat(iin.isValid()).as("%s: IIN signature valid", row.number()).isTrue();
        assertThat(iin.coversWholeDocument()).as(row.number()).isTrue();
        assertThat(iin.signerCertificate()).as(row.number()).contains(iinKey.certificate());
        assertThat(report.isIntact()).as(row.number()).isTrue();
        assertThat(row.iinSignedAt()).as(row.number()).isNotNull();
    }

    /** How many times each certificate of the edition was signed on the server, by the audit log. */
    static Map<Long, Long> signatureAuditEntries(Connection db, String edition) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (PreparedStatement sql = db.prepareStatement("SELECT entity_id, COUNT(*) FROM audit_entry"
                + " WHERE edition_code = ? AND action = 'certificate.signed' GROUP BY entity_id")) {
            sql.setString(1, edition);
            try (ResultSet r = sql.executeQuery()) {
                while (r.next()) {
                    counts.put(Long.parseLong(r.getString(1)), r.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The batch's row: status, done_count, failed_count, failures, total. */
    static Map<String, Object> batchRow(Connection db, long batchId) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(
                "SELECT status, done_count, failed_count, failures, total FROM signing_batch WHERE id = ?")) {
            sql.setLong(1, batchId);
            try (ResultSet r = sql.executeQuery()) {
                assertThat(r.next()).as("batch %d exists", batchId).isTrue();
                Map<String, Object> row = new HashMap<>();
                row.put("status", r.getString(1));
                row.put("done_count", r.getLong(2));
                row.put("failed_count", r.getLong(3));
                row.put("failures", r.getString(4));
                row.put("total", r.getLong(5));
                return row;
            }
        }
    }

    /** The audit log's actions about one batch, in order. */
    static List<String> batchAudit(Connection db, long batchId) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (PreparedStatement sql = db.prepareStatement("SELECT action FROM audit_entry"
                + " WHERE entity_type = 'SigningBatch' AND entity_id = ? ORDER BY id")) {
            sql.setString(1, String.valueOf(batchId));
            try (ResultSet r = sql.executeQuery()) {
                while (r.next()) {
                    actions.add(r.getString(1));
                }
            }
        }
        return actions;
    }
}
