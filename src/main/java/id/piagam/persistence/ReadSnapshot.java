package id.piagam.persistence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

import java.util.function.Supplier;

/**
 * Several reads that belong together (a person's records: seven statements) on one connection and, on SQLite, in one
 * read transaction ({@code BEGIN DEFERRED … COMMIT}), so that they all see the same state of the database.
 *
 * <p>Outside a transaction each SQLite statement is a read transaction of its own: it takes a read mark in the WAL
 * index, checks the files and, when anything was committed since its connection last read (a bulk issue commits every
 * few milliseconds), throws away that connection's whole page cache. Seven statements paid that seven times and could
 * each see a different state; one read transaction pays it once (the seven statements of the load set's records, timed
 * in SQLite alone: 353 µs against 489 µs per person; in the service the CPU per records request moved within the noise,
 * docs/load.md). A deferred transaction that only reads takes no write lock, so writers commit meanwhile; the service's
 * connections begin their transactions {@code IMMEDIATE} (see {@link SqliteSupport}), which would, so the mode is
 * switched for this one {@code BEGIN} only.
 *
 * <p>On a database server the reads just share the connection (PostgreSQL's records are sent together, {@link Row#together}).
 */
public final class ReadSnapshot {

    private ReadSnapshot() {
    }

    /** Runs {@code reads}; every read made through {@code jdbc} inside it uses this one connection and snapshot. */
    public static <T> T of(JdbcOperations jdbc, Supplier<T> reads) {
        return jdbc.execute(connection -> {
            if (!connection.isWrapperFor(SQLiteConnection.class)) {
                return reads.get();
            }
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            if (!sqlite.getAutoCommit()) {
                return reads.get(); // already inside a transaction, whose snapshot holds
            }
            SQLiteConnectionConfig config = sqlite.getConnectionConfig();
            SQLiteConfig.TransactionMode mode = config.getTransactionMode();
            config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            try {
                sqlite.setAutoCommit(false); // BEGIN (deferred): the read transaction starts with the first read
            } finally {
                config.setTransactionMode(mode); // the connection's next transaction begins as before
            }
            try {
                return reads.get();
            } finally {
                sqlite.setAutoCommit(true); // COMMIT: ends the read transaction
            }
        });
    }
}
