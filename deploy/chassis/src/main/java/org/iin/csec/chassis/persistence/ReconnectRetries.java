package org.iin.csec.chassis.persistence;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * When a query fails on a connection that then proves dead, EclipseLink waits and tries again: by default it makes 3
 * attempts, 5 s apart, so while the database was away every request waited about 10 s for its 503. Two attempts one
 * second apart keep one try again, which still gets past a connection the database dropped while idle, and answer
 * in about a second. EclipseLink has no persistence.xml property for either; each service's persistence.xml names
 * this customizer ({@code eclipselink.session.customizer}). {@code csec.db.reconnect-attempts} and
 * {@code csec.db.reconnect-delay-millis} change them.
 */
public class ReconnectRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        // EclipseLink makes this object itself, outside CDI: the application's configuration is read directly.
        Config config = ConfigProvider.getConfig();
        DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
        login.setQueryRetryAttemptCount(
                config.getOptionalValue("csec.db.reconnect-attempts", Integer.class).orElse(2));
        login.setDelayBetweenConnectionAttempts(
                config.getOptionalValue("csec.db.reconnect-delay-millis", Integer.class).orElse(1000));
    }
}
