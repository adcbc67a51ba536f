package org.iin.csec.course.infrastructure.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.iin.csec.chassis.persistence.ServiceDatabase;
import org.iin.csec.course.infrastructure.metrics.OutboxGauges;
import org.iin.csec.course.infrastructure.scheduling.CourseJobs;

import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs at deployment, before the service takes requests: migrates the schema (Flyway takes a database lock, so two
 * instances starting together migrate once), makes sure an administrator exists, seeds the demo edition when asked
 * to, and starts the background jobs (the outbox first).
 */
@ApplicationScoped
public class ServiceStartup {

    private static final Logger LOG = Logger.getLogger(ServiceStartup.class.getName());

    @Resource(lookup = ServiceDatabase.JNDI_NAME)
    DataSource dataSource;

    @Inject
    FirstAdministrator firstAdministrator;

    @Inject
    DemoEdition demoEdition;

    @Inject
    CourseJobs jobs;

    @Inject
    OutboxGauges outboxGauges;

    @Inject
    @ConfigProperty(name = "csec.demo.seed", defaultValue = "false")
    boolean seedDemo;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/course")
                .cleanDisabled(true)
                .load()
                .migrate();
        // Flyway names a target version only when it applied something; else the schema stays where it was.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("Course schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
        firstAdministrator.ensure();
        if (seedDemo) {
            demoEdition.seed();
        }
        jobs.start();
        // Gauges are registered when their bean is first made: make it now, so /metrics has them from the start.
        outboxGauges.pending();
    }
}
