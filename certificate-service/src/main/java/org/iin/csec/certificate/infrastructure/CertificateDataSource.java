package org.iin.csec.certificate.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * The certificate schema's data source: embedded H2 by default, MySQL/MariaDB when CERTIFICATE_DB_* are set
 * (see META-INF/microprofile-config.properties and deploy/README.md).
 */
@DataSourceDefinition(
        name = CertificateDataSource.JNDI_NAME,
        className = "${MPCONFIG=certificate.db.datasource-class}",
        url = "${MPCONFIG=certificate.db.url}",
        user = "${MPCONFIG=certificate.db.user}",
        password = "${MPCONFIG=certificate.db.password}",
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 1,
        maxPoolSize = 20,
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
public class CertificateDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/certificate";
}
