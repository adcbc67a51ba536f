package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.chassis.persistence.ServiceDatabase;

import java.sql.Connection;

/**
 * The certificate schema's data source and persistence context: embedded H2 by default, MySQL/MariaDB when
 * CERTIFICATE_DB_* are set (see META-INF/microprofile-config.properties and deploy/README.md). The connection
 * settings both services share, and why, are in {@link ServiceDatabase}.
 */
@DataSourceDefinition(
        name = ServiceDatabase.JNDI_NAME,
        className = "${MPCONFIG=certificate.db.datasource-class}",
        url = "${MPCONFIG=certificate.db.url}",
        user = "${MPCONFIG=certificate.db.user}",
        password = "${MPCONFIG=certificate.db.password}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {
                ServiceDatabase.VALIDATE, ServiceDatabase.VALIDATE_BY_METADATA, ServiceDatabase.RENEW_ALL_ON_FAILURE,
                ServiceDatabase.LOCAL_SESSION_STATE, ServiceDatabase.CACHE_STATEMENTS,
                ServiceDatabase.CACHE_LONG_STATEMENTS, ServiceDatabase.STATEMENT_CACHE_SIZE,
                ServiceDatabase.NO_TELEMETRY, ServiceDatabase.DO_NOT_TRACK_STATEMENTS
        })
@ApplicationScoped
public class CertificateDataSource {

    /** The certificate persistence unit, for the chassis's repositories (the audit log, the outbox's leases). */
    @Produces
    @PersistenceContext(unitName = "certificate")
    EntityManager entityManager;
}
