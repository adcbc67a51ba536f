package org.iin.csec.certificate.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.iin.csec.chassis.persistence.ServiceDatabase;

import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the certificate schema with Flyway. Flyway takes a database lock, so instances starting together
 * migrate once.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = ServiceDatabase.JNDI_NAME)
    DataSource dataSource;

    public void migrate() {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/certificate")
                .cleanDisabled(true)
                .load()
                .migrate();
        // Flyway names a target version only when it applied something; else the schema stays where it was.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("Certificate schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
