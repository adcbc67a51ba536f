package org.iin.csec.chassis.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import javax.sql.DataSource;

/** Ready only while the service's database answers ("course-database", "certificate-database"). */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = ServiceDatabase.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "csec.service.name")
    String service;

    @Override
    public HealthCheckResponse call() {
        String name = service + "-database";
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named(name).status(connection.isValid(2)).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(name).down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
