package id.piagam.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Row locks as each engine takes them. PostgreSQL locks the rows a {@code SELECT ... FOR UPDATE} answers until the
 * transaction ends, without writing them; SQLite has no row locks and needs none: a write transaction
 * ({@code BEGIN IMMEDIATE}) holds the database's one write lock from its start.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** {@code " FOR UPDATE"} to end a query with on PostgreSQL; empty on SQLite. */
    public static String forUpdate(Connection connection) throws SQLException {
        return "SQLite".equals(connection.getMetaData().getDatabaseProductName()) ? "" : " FOR UPDATE";
    }
}
