package org.iin.csec.course.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * The course schema's data source. Driver, URL and credentials come from MicroProfile Config, so the same
 * WAR runs on the embedded H2 file (the default, see META-INF/microprofile-config.properties) or on
 * MySQL/MariaDB through Connector/J (set COURSE_DB_* in the environment or a --systemProperties file).
 * <p>
 * READ COMMITTED: a nomination reads the seats held after it has taken the agreement's lock; under MySQL's
 * default REPEATABLE READ it could read a snapshot from before the lock and overfill the quota.
 */
@DataSourceDefinition(
        name = CourseDataSource.JNDI_NAME,
        className = "${MPCONFIG=course.db.datasource-class}",
        url = "${MPCONFIG=course.db.url}",
        user = "${MPCONFIG=course.db.user}",
        password = "${MPCONFIG=course.db.password}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true",
                // MySQL Connector/J only (H2 has no such properties and ignores them); see deploy/README.md,
                // "Database connections". The last one stops a leak: EclipseLink never closes its INSERTs
                // with generated keys, and the driver would keep every one of them until the connection closes.
                "useLocalSessionState=true",
                "cachePrepStmts=true",
                "prepStmtCacheSqlLimit=4096",
                "prepStmtCacheSize=250",
                "openTelemetry=DISABLED",
                "dontTrackOpenResources=true"
        })
@ApplicationScoped
public class CourseDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/course";
}
