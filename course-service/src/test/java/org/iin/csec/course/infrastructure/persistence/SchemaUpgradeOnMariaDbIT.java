package org.iin.csec.course.infrastructure.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.iin.csec.course.it.MariaDbDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades as an operator meets them, on MariaDB: a database made by the first schema version, with data in
 * it, is migrated to the current version by two instances starting at the same moment. The data survives,
 * the new columns have their defaults, and every migration ran exactly once (none twice, none skipped).
 */
@ExtendWith(MariaDbDatabase.class)
class SchemaUpgradeOnMariaDbIT {

    @Test
    void aVersionOneDatabaseWithDataUpgradesOnceWhenTwoInstancesStartTogether() throws Exception {
        flyway(MigrationVersion.fromVersion("1")).migrate();
        try (Connection db = MariaDbDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO edition (code, title, language, online_stage_start, online_stage_end, course_hours,"
                    + " certificate_template, status, created_at, version) VALUES ('2026-2', 'Anterior', 'es',"
                    + " '2026-08-01', '2026-10-31', 120, 'standard', 'ONLINE_STAGE', NOW(6), 0)");
            sql.execute("INSERT INTO agreement (edition_id, state_code, quota, version) SELECT id, 'AR', 5, 0 FROM edition");
            sql.execute("INSERT INTO participant (edition_id, agreement_id, state_code, first_name, last_name, email,"
                    + " ranking, status, online_result, face_to_face_result, nominated_at, status_changed_at, version)"
                    + " SELECT a.edition_id, a.id, 'AR', 'Ana', 'García', 'ana@example.org', 1, 'ENROLLED',"
                    + " 'IN_PROGRESS', 'PENDING', NOW(6), NOW(6), 0 FROM agreement a");
        }

        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> starts = List.of(
                () -> flyway(MigrationVersion.LATEST).migrate().migrationsExecuted,
                () -> flyway(MigrationVersion.LATEST).migrate().migrationsExecuted);
        List<Integer> executed = new ArrayList<>();
        for (Future<Integer> start : instances.invokeAll(starts)) {
            executed.add(start.get());
        }
        instances.shutdown();

        // Flyway locks each step on MySQL/MariaDB: the two instances may share the work, never repeat it.
        int pending = flyway(MigrationVersion.LATEST).info().all().length - 1;
        assertThat(executed.get(0) + executed.get(1)).isEqualTo(pending);
        try (Connection db = MariaDbDatabase.connect(); Statement sql = db.createStatement()) {
            assertThat(single(sql, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"))
                    .isEqualTo(String.valueOf(pending + 1));
            assertThat(single(sql, "SELECT CONCAT(first_name, ' ', last_name, '/', status, '/', online_result) FROM participant"))
                    .isEqualTo("Ana García/ENROLLED/IN_PROGRESS");
            assertThat(single(sql, "SELECT COALESCE(moodle_user_id, 'none') FROM participant")).isEqualTo("none");
            assertThat(single(sql, "SELECT COUNT(*) FROM job_lease")).isEqualTo("1");
        }
    }

    private static Flyway flyway(MigrationVersion target) {
        return Flyway.configure().dataSource(MariaDbDatabase.url(), "root", "")
                .locations("classpath:db/migration/course").target(target).load();
    }

    private static String single(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
