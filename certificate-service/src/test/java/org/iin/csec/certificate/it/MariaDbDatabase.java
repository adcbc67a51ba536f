package org.iin.csec.certificate.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A throw-away database and user on the MariaDB at 127.0.0.1:3306, created before the "mariadb" Payara Micro starts
 * (the service reaches it through MySQL Connector/J, as in production) and dropped afterwards, with the fake
 * course-service and GreenMail of this run. Tests may read the database directly to check what was stored.
 */
public class MariaDbDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    private static final String SUFFIX = HexFormat.of().formatHex(TestEnvironment.randomBytes(4));
    public static final String DATABASE = "csec_cert_it_" + SUFFIX;
    private static final String USER = "csec_cert_it_" + SUFFIX;
    private static final String PASSWORD = HexFormat.of().formatHex(TestEnvironment.randomBytes(16));

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException, IOException {
        try (Connection root = asRoot(); Statement sql = root.createStatement()) {
            sql.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            sql.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
            sql.execute("GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1'");
        }
        TestEnvironment.start();
        Properties properties = TestEnvironment.serviceProperties();
        properties.setProperty("certificate.db.datasource-class", "com.mysql.cj.jdbc.MysqlDataSource");
        properties.setProperty("certificate.db.url", SERVER + DATABASE + "?useSSL=false&allowPublicKeyRetrieval=true");
        properties.setProperty("certificate.db.user", USER);
        properties.setProperty("certificate.db.password", PASSWORD);
        TestEnvironment.write(TestEnvironment.target().resolve("it-mariadb.properties"), properties);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        TestEnvironment.stop();
        try (Connection root = asRoot(); Statement sql = root.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("DROP USER IF EXISTS '" + USER + "'@'127.0.0.1'");
        }
    }

    /** A connection to the test database, as root (the service's own user is not needed for checks). */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE + "?useSSL=false", "root", "");
    }

    private static Connection asRoot() throws SQLException {
        return DriverManager.getConnection(SERVER + "?useSSL=false", "root", "");
    }
}
