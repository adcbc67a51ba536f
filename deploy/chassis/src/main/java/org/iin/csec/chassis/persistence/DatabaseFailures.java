package org.iin.csec.chassis.persistence;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Telling "the database does not answer" (try again: 503), "the database's disk is full" (507) and "another
 * transaction holds the lock" (409) from other failures, which stay 500. A commit that failed counts as the database
 * not answering.
 */
public final class DatabaseFailures {

    /**
     * MariaDB/MySQL error codes of a write refused for want of space: ER_RECORD_FILE_FULL (1114, "The table ... is
     * full", what InnoDB answers when its file cannot grow), ER_DISK_FULL (1021) and ER_ERROR_ON_WRITE (3, errno 28).
     */
    private static final Set<Integer> NO_SPACE = Set.of(1114, 1021, 3);

    /** Where Payara's (GlassFish's) connection pool allocates a connection. */
    private static final String POOL_ALLOCATION = "com.sun.enterprise.connectors.ConnectionManagerImpl";

    /**
     * Lock conflicts: MariaDB/MySQL lock wait timeout (1205), deadlock (1213), NOWAIT (3572); H2's lock timeout
     * (50200) and deadlock (40001).
     */
    private static final Set<Integer> LOCK_CONFLICT = Set.of(1205, 1213, 3572, 50200, 40001);

    private DatabaseFailures() {
    }

    /**
     * True when a lock failure is a real conflict with another transaction (try again: 409), not the database
     * failing under the lock's query: EclipseLink reports both as a PessimisticLockException.
     */
    public static boolean isLockConflict(Throwable failure) {
        boolean sqlCause = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                sqlCause = true;
                if (LOCK_CONFLICT.contains(sql.getErrorCode()) || "40001".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return !sqlCause;
    }

    /**
     * True when the failure, or anything it wraps, comes from the database or the connection to it, or is a commit
     * the transaction manager could not make: the database is the only resource its transactions hold, and when
     * the connection dies at commit, its exception may no longer carry the driver's.
     */
    public static boolean isDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException || t instanceof RollbackException
                    || t instanceof SystemException || t instanceof HeuristicMixedException
                    || t instanceof HeuristicRollbackException || isConnectionAllocation(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Thrown while the container's pool was handing out a connection. Payara's pool can fail there with its own
     * IllegalStateException ("Task already scheduled or cancelled") when several requests find dead connections at
     * once and it discards them all: still "no connection to the database".
     */
    private static boolean isConnectionAllocation(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().equals(POOL_ALLOCATION) && frame.getMethodName().equals("allocateConnection")) {
                return true;
            }
        }
        return false;
    }

    /** True when the database refused a write because its disk (or its data file) is full. */
    public static boolean isStorageFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (NO_SPACE.contains(e.getErrorCode())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
