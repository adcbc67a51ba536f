package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * When a query fails on a connection that then proves dead, EclipseLink waits and tries again: by default it makes 3
 * attempts, 5 s apart ({@code DatabaseLogin.queryRetryAttemptCount} and {@code delayBetweenConnectionAttempts}), so
 * while the database was away every request waited about 10 s for its 503. Two attempts one second apart keep one
 * try again, which still gets past a connection the database dropped while idle, and answer in about a second.
 * EclipseLink 4.0 has no persistence.xml property for either, and a SessionCustomizer would need EclipseLink on the
 * compile path, so they are set on the persistence unit's session at start-up, through its public API found by
 * name ({@code csec.db.reconnect-attempts} and {@code csec.db.reconnect-delay-millis} change them).
 */
@ApplicationScoped
public class ReconnectRetries {

    private static final Logger LOG = Logger.getLogger(ReconnectRetries.class.getName());

    @PersistenceUnit(unitName = "course")
    EntityManagerFactory factory;

    @Inject
    @ConfigProperty(name = "csec.db.reconnect-attempts", defaultValue = "2")
    int attempts;

    @Inject
    @ConfigProperty(name = "csec.db.reconnect-delay-millis", defaultValue = "1000")
    int delayMillis;

    public void shorten() {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> sessionType = Class.forName("org.eclipse.persistence.sessions.Session", false, loader);
            Class<?> loginType = Class.forName("org.eclipse.persistence.sessions.DatabaseLogin", false, loader);
            Object session = factory.unwrap(sessionType);
            Object login = sessionType.getMethod("getLogin").invoke(session);
            loginType.getMethod("setQueryRetryAttemptCount", int.class).invoke(login, attempts);
            loginType.getMethod("setDelayBetweenConnectionAttempts", int.class).invoke(login, delayMillis);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("EclipseLink's reconnect retries are left as they are (" + e.getClass().getSimpleName()
                    + "): while the database is away a request may wait about 10 s for its answer");
        }
    }
}
