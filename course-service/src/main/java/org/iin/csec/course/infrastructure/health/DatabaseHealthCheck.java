package org.iin.csec.course.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.iin.csec.course.infrastructure.persistence.CourseDataSource;

import javax.sql.DataSource;
import java.sql.Connection;

/** Ready only while the course database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = CourseDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("course-database").status(connection.isValid(2)).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("course-database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
