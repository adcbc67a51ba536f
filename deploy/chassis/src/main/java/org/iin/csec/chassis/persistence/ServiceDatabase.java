package org.iin.csec.chassis.persistence;

/**
 * What both services' data sources share. Each service declares its own {@code @DataSourceDefinition} (its own
 * configuration keys and pool size) under {@link #JNDI_NAME}, with these connection properties; {@code java:app}
 * names are per application, so the two never meet.
 * <p>
 * Both use READ COMMITTED: a nomination reads the seats held after it has taken the agreement's lock; under MySQL's
 * default REPEATABLE READ it could read a snapshot from before the lock and overfill the quota.
 */
public final class ServiceDatabase {

    /** The service's own data source, in its own application's namespace. */
    public static final String JNDI_NAME = "java:app/jdbc/service";

    /** A dead connection is found before it is handed out, and the whole pool is renewed when one is. */
    public static final String VALIDATE = "fish.payara.is-connection-validation-required=true";
    public static final String VALIDATE_BY_METADATA = "fish.payara.connection-validation-method=meta-data";
    public static final String RENEW_ALL_ON_FAILURE = "fish.payara.fail-all-connections=true";

    // MySQL Connector/J only (H2 has no such properties and ignores them): deploy/README.md, "Database connections".
    public static final String LOCAL_SESSION_STATE = "useLocalSessionState=true";
    public static final String CACHE_STATEMENTS = "cachePrepStmts=true";
    public static final String CACHE_LONG_STATEMENTS = "prepStmtCacheSqlLimit=4096";
    public static final String STATEMENT_CACHE_SIZE = "prepStmtCacheSize=250";
    public static final String NO_TELEMETRY = "openTelemetry=DISABLED";
    /**
     * Stops a leak: EclipseLink never closes its INSERTs with generated keys, and the driver would keep every one of
     * them until the connection closes.
     */
    public static final String DO_NOT_TRACK_STATEMENTS = "dontTrackOpenResources=true";

    private ServiceDatabase() {
    }
}
