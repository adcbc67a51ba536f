package org.iin.csec.course.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.chassis.persistence.ServiceDatabase;

import java.sql.Connection;

/**
 * The course schema's data source and persistence context. Driver, URL and credentials come from MicroProfile
 * Config, so the same WAR runs on the embedded H2 file (the default, see META-INF/microprofile-config.properties) or
 * on MySQL/MariaDB through Connector/J (set COURSE_DB_* in the environment or a --systemProperties file). The
 * connection settings both services share, and why, are in {@link ServiceDatabase}.
 */
@DataSourceDefinition(
        name = ServiceDatabase.JNDI_NAME,
        className = "${MPCONFIG=course.db.datasource-class}",
        url = "${MPCONFIG=course.db.url}",
        user = "${MPCONFIG=course.db.user}",
        password = "${MPCONFIG=course.db.password}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 40,
        properties = {
                ServiceDatabase.VALIDATE, ServiceDatabase.VALIDATE_BY_METADATA, ServiceDatabase.RENEW_ALL_ON_FAILURE,
                ServiceDatabase.LOCAL_SESSION_STATE, ServiceDatabase.CACHE_STATEMENTS,
                ServiceDatabase.CACHE_LONG_STATEMENTS, ServiceDatabase.STATEMENT_CACHE_SIZE,
                ServiceDatabase.NO_TELEMETRY, ServiceDatabase.DO_NOT_TRACK_STATEMENTS
        })
@ApplicationScoped
public class CourseDataSource {

    /** The course persistence unit, for the chassis's repositories (the audit log, the outbox's leases). */
    @Produces
    @PersistenceContext(unitName = "course")
    EntityManager entityManager;
}
