package org.iin.csec.course.infrastructure.persistence;

import jakarta.persistence.PersistenceException;

import java.sql.SQLException;

/** Telling "the database does not answer" from other failures, so callers can say "try again" (503), not 500. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** True when the failure, or anything it wraps, comes from the database or the connection to it. */
    public static boolean isDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }
}
