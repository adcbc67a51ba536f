package org.iin.csec.certificate.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Migrates the certificate schema with Flyway. Flyway takes a database lock, so instances starting together
 * migrate once.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = CertificateDataSource.JNDI_NAME)
    DataSource dataSource;

    public void migrate() {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/certificate")
                .cleanDisabled(true)
                .load()
                .migrate();
        LOG.info("Certificate schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
