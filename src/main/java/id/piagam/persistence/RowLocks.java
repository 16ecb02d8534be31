package id.piagam.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Row locks as each engine takes them. PostgreSQL locks the rows a {@code SELECT ... FOR NO KEY UPDATE} answers until
 * the transaction ends, without writing them; SQLite has no row locks and needs none: a write transaction
 * ({@code BEGIN IMMEDIATE}) holds the database's one write lock from its start.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * The clause that ends a query locking its rows: on PostgreSQL {@code FOR NO KEY UPDATE}, the lock an
     * {@code UPDATE} of the row takes (another transaction locking or updating one of them waits; one inserting a row
     * that refers to it, a score or an attendance, does not); empty on SQLite.
     */
    public static String forUpdate(Connection connection) throws SQLException {
        return SqliteSupport.isSqlite(connection) ? "" : " FOR NO KEY UPDATE";
    }
}
