package id.piagam.persistence;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * A failure of the storage under the database rather than of the request: the disk is full, the
 * database is read-only, or it cannot be reached. The service answers these with 503 and says which
 * (nothing committed is lost: the failed transaction rolls back), and serves again as soon as the
 * storage does, without a restart.
 */
public enum StorageFault {
    FULL, READ_ONLY, UNAVAILABLE;

    /**
     * The storage fault somewhere in the cause chain, if any, including exceptions suppressed on the way (a
     * transaction whose clean-up failed on the broken connection carries the first error as suppressed).
     */
    public static Optional<StorageFault> of(Throwable error) {
        return of(error, 0);
    }

    private static Optional<StorageFault> of(Throwable error, int depth) {
        for (Throwable t = error; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause()) {
            Optional<StorageFault> fault = single(t);
            if (fault.isPresent()) {
                return fault;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                fault = of(suppressed, depth + 1);
                if (fault.isPresent()) {
                    return fault;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<StorageFault> single(Throwable t) {
        if (t instanceof SQLiteException sqlite) {
            return sqlite(sqlite.getResultCode());
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return Optional.of(UNAVAILABLE);
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return postgresql(sql.getSQLState());
        }
        if (t instanceof SQLException sql && HIKARI_CLOSED.equals(sql.getMessage())) {
            // the pool replaced a connection that broke (the server went away) by its closed stand-in; the next use
            // of it in the same transaction says only this, without a SQLSTATE
            return Optional.of(UNAVAILABLE);
        }
        return Optional.empty();
    }

    private static final String HIKARI_CLOSED = "Connection is closed";

    /** SQLite result codes, extended ones by their primary code (the low byte). */
    static Optional<StorageFault> sqlite(SQLiteErrorCode code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.code & 0xff) {
            case 13 -> Optional.of(FULL);                        // SQLITE_FULL
            case 8 -> Optional.of(READ_ONLY);                    // SQLITE_READONLY
            case 10, 14 -> Optional.of(UNAVAILABLE);             // SQLITE_IOERR, SQLITE_CANTOPEN
            default -> Optional.empty();
        };
    }

    /** PostgreSQL SQLSTATEs. */
    static Optional<StorageFault> postgresql(String state) {
        if (state.equals("53100")) {                             // disk_full
            return Optional.of(FULL);
        }
        if (state.equals("25006")) {                             // read_only_sql_transaction (a standby, or default_transaction_read_only)
            return Optional.of(READ_ONLY);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("58030")
                || state.equals("53000")) {
            // connection lost, shut down (restart) or crashed under us, starting up, I/O error, out of resources
            return Optional.of(UNAVAILABLE);
        }
        return Optional.empty();
    }
}
