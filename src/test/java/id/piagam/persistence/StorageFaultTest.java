package id.piagam.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database errors are storage faults (503, and which message), on both engines. */
class StorageFaultTest {

    @Test
    void sqliteResultCodesIncludingExtendedOnes() {
        assertThat(StorageFault.of(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL))).contains(StorageFault.FULL);
        assertThat(StorageFault.of(new SQLiteException("ro", SQLiteErrorCode.SQLITE_READONLY))).contains(StorageFault.READ_ONLY);
        assertThat(StorageFault.of(new SQLiteException("ro", SQLiteErrorCode.SQLITE_READONLY_DBMOVED))).contains(StorageFault.READ_ONLY);
        assertThat(StorageFault.of(new SQLiteException("io", SQLiteErrorCode.SQLITE_IOERR_WRITE))).contains(StorageFault.UNAVAILABLE);
        assertThat(StorageFault.of(new SQLiteException("constraint", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))).isEmpty();
        assertThat(StorageFault.of(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY))).isEmpty();
    }

    @Test
    void postgresqlStatesAndDeepCauses() {
        assertThat(StorageFault.of(new DataAccessException("wrapped", new SQLException("could not extend file", "53100"))))
                .contains(StorageFault.FULL);
        assertThat(StorageFault.of(new RuntimeException(new SQLException("read-only transaction", "25006")))).contains(StorageFault.READ_ONLY);
        assertThat(StorageFault.of(new SQLException("connection refused", "08001"))).contains(StorageFault.UNAVAILABLE);
        assertThat(StorageFault.of(new SQLException("the database system is starting up", "57P03"))).contains(StorageFault.UNAVAILABLE);
        // pg_ctlcluster restart: open connections end with admin_shutdown, a crashed server with crash_shutdown
        assertThat(StorageFault.of(new SQLException("terminating connection due to administrator command", "57P01")))
                .contains(StorageFault.UNAVAILABLE);
        assertThat(StorageFault.of(new SQLException("terminating connection because of crash of another server process", "57P02")))
                .contains(StorageFault.UNAVAILABLE);
        assertThat(StorageFault.of(new SQLException("duplicate key", "23505"))).isEmpty();
        assertThat(StorageFault.of(new SQLException("no state"))).isEmpty();
        assertThat(StorageFault.of(new SQLException("other", null, 0, new SQLException("lost", "08006")))).contains(StorageFault.UNAVAILABLE);
        assertThat(StorageFault.of(new IllegalStateException("not a database error"))).isEmpty();
    }

    @Test
    void aConnectionThePoolClosedUnderATransactionIsUnavailableToo() {
        // seen when PostgreSQL stops mid-issue: the pool marks the connection broken (57P01) and the transaction's
        // clean-up then meets Hikari's closed stand-in, which says only "Connection is closed", without a SQLSTATE
        assertThat(StorageFault.of(new DataAccessException("Could not set JDBC Connection read-only",
                new SQLException("Connection is closed")))).contains(StorageFault.UNAVAILABLE);
        assertThat(StorageFault.of(new SQLTransientConnectionException("pool timeout"))).contains(StorageFault.UNAVAILABLE);
        assertThat(StorageFault.of(new SQLRecoverableException("socket closed"))).contains(StorageFault.UNAVAILABLE);
        RuntimeException cleanUpFailed = new RuntimeException("rollback failed");
        cleanUpFailed.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertThat(StorageFault.of(cleanUpFailed)).as("the first error, suppressed").contains(StorageFault.UNAVAILABLE);
    }
}
