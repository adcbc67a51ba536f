package org.iin.csec.course.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A throw-away database and user on the MariaDB at 127.0.0.1:3306, created before the "mariadb" Payara Micro
 * starts (the service then reaches it through MySQL Connector/J, as in production) and dropped afterwards.
 * Tests may also read it directly, to check what the service really stored.
 */
public class MariaDbDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String SUFFIX = HexFormat.of().formatHex(ServiceConfiguration.randomBytes(4));
    public static final String DATABASE = "csec_it_" + SUFFIX;
    private static final String USER = "csec_it_" + SUFFIX;
    private static final String PASSWORD = HexFormat.of().formatHex(ServiceConfiguration.randomBytes(16));

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        try (Connection root = asRoot(); Statement sql = root.createStatement()) {
            sql.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            sql.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
            sql.execute("GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1'");
        }
        Path target = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
        ServiceConfiguration.write(target.resolve("it-mariadb.properties"), settings());
    }

    /** The service's settings for the test database (a new copy each time, for a test to add its own to). */
    public static Properties settings() {
        Properties properties = new Properties();
        properties.setProperty("course.db.datasource-class", "com.mysql.cj.jdbc.MysqlDataSource");
        properties.setProperty("course.db.url", SERVER + DATABASE + "?useSSL=false&allowPublicKeyRetrieval=true");
        properties.setProperty("course.db.user", USER);
        properties.setProperty("course.db.password", PASSWORD);
        properties.setProperty("csec.demo.seed", "false");
        return properties;
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        // Dropped first: whatever the log check finds, nothing of this run stays on the server.
        try (Connection root = asRoot(); Statement sql = root.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("DROP USER IF EXISTS '" + USER + "'@'127.0.0.1'");
        }
        LogsKeepSecrets.check("payara-mariadb.log", java.util.List.of(PASSWORD, ServiceConfiguration.ADMIN_PASSWORD,
                ServiceConfiguration.ACCOUNT_PASSWORD));
    }

    /** A connection to the test database, as root (the service's own user is not needed for checks). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "root", "");
    }

    /** The test database's JDBC URL (READ COMMITTED, as the service's data source; MariaDB 10 names the variable tx_isolation). */
    public static String url() {
        return SERVER + DATABASE + "?useSSL=false&sessionVariables=tx_isolation='READ-COMMITTED'";
    }

    private static Connection asRoot() throws SQLException {
        return DriverManager.getConnection(SERVER + "?useSSL=false", "root", "");
    }
}
