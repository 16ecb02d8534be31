package id.piagam.persistence;

import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot reads' statements (a person's records, verification by code) prepared once per SQLite connection and used
 * again (issue #14 point 3). SQLite's driver compiles a statement's SQL anew for every {@code prepareStatement}, and
 * the six reads of a person's rows did so on every records request: a quarter of the time the request spent in SQLite's
 * native code (JFR native samples, {@code NativeDB.prepare_utf8} beside {@code step}); for verification, two fifths of
 * the lookup (docs/load.md). PostgreSQL's driver already keeps the statements of each connection by their text and the
 * server's plans with them, so there a statement is prepared and closed as usual.
 *
 * <p>A kept statement belongs to the connection the pool holds (what the pool's proxy unwraps to), is used by the one
 * thread holding that connection, and is reset by closing its result (SQLite then holds no read transaction for it).
 * The statements of a connection the pool has closed are dropped when the next new connection comes.
 */
public final class PreparedStatements {

    private static final Map<Connection, Map<String, PreparedStatement>> KEPT = new ConcurrentHashMap<>();

    private PreparedStatements() {
    }

    /** What {@link #run} does with the statement, its one parameter bound. */
    @FunctionalInterface
    public interface Use<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code use} with {@code sql} prepared on {@code connection}: kept for the next time on SQLite, closed after on others. */
    public static <T> T run(Connection connection, String sql, Use<T> use) throws SQLException {
        if (!connection.isWrapperFor(SQLiteConnection.class)) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return use.apply(statement);
            }
        }
        // the connection the pool holds: a statement prepared through the pool's proxy is closed when the connection goes
        // back, one prepared on what it holds stays with it
        Connection held = connection.unwrap(Connection.class);
        Map<String, PreparedStatement> kept = KEPT.get(held);
        if (kept == null) {
            KEPT.keySet().removeIf(PreparedStatements::closed);
            kept = KEPT.computeIfAbsent(held, c -> new ConcurrentHashMap<>());
        }
        PreparedStatement statement = kept.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = held.prepareStatement(sql);
            kept.put(sql, statement);
        }
        try {
            return use.apply(statement);
        } finally {
            statement.clearParameters();
        }
    }

    /** How many connections have statements kept (for tests). */
    static int connections() {
        return KEPT.size();
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
