package org.iin.csec.chassis.persistence;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void aDatabaseThatDoesNotAnswerIsToldFromOtherFailuresThroughTheContainersWrapping() {
        RuntimeException lockedOut = new IllegalStateException("transaction rolled back",
                new PersistenceException(new SQLException("Access denied, this account is locked", "HY000", 4151)));

        assertThat(DatabaseFailures.isDatabase(lockedOut)).isTrue();
        assertThat(DatabaseFailures.isStorageFull(lockedOut)).isFalse();
        assertThat(DatabaseFailures.isDatabase(new IllegalStateException("The signature does not verify"))).isFalse();
    }

    @Test
    void thePoolFailingWhileItHandsOutAConnectionIsTheDatabaseBeingAway() {
        IllegalStateException inThePool = new IllegalStateException("Task already scheduled or cancelled");
        inThePool.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Timer", "sched", "Timer.java", 413),
                new StackTraceElement("com.sun.enterprise.connectors.ConnectionManagerImpl", "allocateConnection",
                        "ConnectionManagerImpl.java", 196)});
        IllegalStateException elsewhere = new IllegalStateException("Task already scheduled or cancelled");

        assertThat(DatabaseFailures.isDatabase(new RuntimeException(inThePool))).isTrue();
        assertThat(DatabaseFailures.isDatabase(elsewhere)).isFalse();
    }

    @Test
    void aCommitThatFailedWhenItsConnectionDiedIsTheDatabasesFailureEvenWithoutTheDriversException() {
        RuntimeException atCommit = new jakarta.transaction.TransactionalException("commit failed",
                new RollbackException("Transaction marked for rollback."));

        assertThat(DatabaseFailures.isDatabase(atCommit)).isTrue();
        assertThat(DatabaseFailures.isStorageFull(atCommit)).isFalse();
    }

    @Test
    void aWriteRefusedForWantOfSpaceIsAFullStoreWhereverTheDriverPutsIt() throws Exception {
        SQLException full = new SQLException("The table 'certificate_file' is full", "HY000", 1114);
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new PersistenceException(full));
        SQLException chained = new SQLException("batch failed", "HY000", 0);
        chained.setNextException(new SQLException("Disk full", "HY000", 1021));

        assertThat(DatabaseFailures.isStorageFull(new IllegalStateException(atCommit))).isTrue();
        assertThat(DatabaseFailures.isStorageFull(new PersistenceException(chained))).isTrue();
        assertThat(DatabaseFailures.isStorageFull(new PersistenceException(
                new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
    }

    @Test
    void aLockRefusedBecauseTheDatabaseIsAwayIsNotAConflictWithAnotherTransaction() {
        PessimisticLockException databaseAway = new PessimisticLockException(new IllegalStateException(
                new SQLException("Communications link failure", "08S01", 0)));
        PessimisticLockException waitedTooLong = new PessimisticLockException(new IllegalStateException(
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)));
        PessimisticLockException deadlock = new PessimisticLockException(new SQLException("Deadlock", "40001", 1213));

        assertThat(DatabaseFailures.isLockConflict(databaseAway)).isFalse();
        assertThat(DatabaseFailures.isDatabase(databaseAway)).isTrue();
        assertThat(DatabaseFailures.isLockConflict(waitedTooLong)).isTrue();
        assertThat(DatabaseFailures.isLockConflict(deadlock)).isTrue();
        assertThat(DatabaseFailures.isLockConflict(new PessimisticLockException("refused by the provider"))).isTrue();
    }
}
