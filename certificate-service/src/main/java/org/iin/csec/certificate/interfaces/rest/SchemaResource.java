package org.iin.csec.certificate.interfaces.rest;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.chassis.persistence.ServiceDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Which database product and schema version this instance runs on: what an operator checks after an upgrade. */
@Path("/schema")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {

    @Resource(lookup = ServiceDatabase.JNDI_NAME)
    DataSource dataSource;

    @GET
    public Map<String, String> schema() throws SQLException {
        try (Connection c = dataSource.getConnection();
             var rs = c.createStatement().executeQuery(
                     "select max(version) from flyway_schema_history where success = 1")) {
            rs.next();
            return Map.of("database", c.getMetaData().getDatabaseProductName(),
                    "schemaVersion", String.valueOf(rs.getString(1)));
        }
    }
}
