package id.piagam.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.sqlite.JDBC;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * What the embedded SQLite default needs from the pool.
 *
 * <ul>
 *   <li>The folder of the database file (e.g. {@code ./data}) is created before the first connection.</li>
 *   <li>{@code Connection.setReadOnly} becomes a no-op: Micronaut Data marks read-only transactions
 *       with it, and sqlite-jdbc refuses it once connected (micronaut-data issue 3560). Read-only
 *       intent on SQLite buys nothing; the pragmas in the URL (WAL, IMMEDIATE transactions) do the work.</li>
 *   <li>A failed COMMIT (disk full) or BEGIN (read-only) leaves the connection clean, and the error
 *       it raised is the one the caller sees (so the service can answer 503 and say why), not a failed
 *       rollback's; a connection opened read-only is reopened once the database is writable again.</li>
 * </ul>
 * Neither applies to other engines.
 */
public final class SqliteSupport {

    private SqliteSupport() {
    }

    /** Whether the data source is the embedded SQLite (its work runs in the service's own threads). */
    public static boolean isSqlite(String url) {
        return url != null && url.startsWith("jdbc:sqlite:");
    }

    /** Whether the connection is to the embedded SQLite. */
    public static boolean isSqlite(Connection connection) throws SQLException {
        return isSqlite(connection.getMetaData().getURL());
    }

    /** {@code jdbc:sqlite:data/piagam.db?x=y → data/piagam.db}; null for in-memory databases. */
    static Path databaseFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        String file = q < 0 ? rest : rest.substring(0, q);
        if (file.startsWith("file:")) {
            file = file.substring(5);
        }
        return file.isEmpty() || file.contains(":memory:") || file.contains("mode=memory") ? null : Path.of(file);
    }

    /**
     * Creates the database folder and hands Hikari a driver-level data source whose connections
     * ignore {@code setReadOnly}; Hikari's own proxies then pass the call to a no-op.
     */
    @Singleton
    static class SqlitePool implements BeanCreatedEventListener<DatasourceConfiguration> {
        @Override
        public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
            DatasourceConfiguration config = event.getBean();
            String url = config.getJdbcUrl() != null ? config.getJdbcUrl() : config.getUrl();
            if (!isSqlite(url)) {
                return config;
            }
            Path file = databaseFile(url);
            Path folder = file == null ? null : file.toAbsolutePath().getParent();
            if (folder != null) {
                try {
                    Files.createDirectories(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create the database folder " + folder, e);
                }
            }
            config.setDataSource(new ReadOnlyIgnoringDataSource(url));
            return config;
        }
    }

    /**
     * Connections straight from the driver with the URL alone, so its parameters (IMMEDIATE
     * transactions, busy timeout, WAL) are the ones in force, wrapped to ignore {@code setReadOnly}.
     */
    static final class ReadOnlyIgnoringDataSource implements DataSource {
        private final String url;
        private PrintWriter logWriter;
        private int loginTimeout;

        ReadOnlyIgnoringDataSource(String url) {
            this.url = url;
        }

        /** One pooled connection: the SQLite connection under it, and whether it was opened read-only. */
        private static final class Held {
            final AtomicReference<Connection> target;
            volatile boolean openedReadOnly;

            Held(Connection connection, boolean openedReadOnly) {
                this.target = new AtomicReference<>(connection);
                this.openedReadOnly = openedReadOnly;
            }
        }

        private final Set<Held> held = ConcurrentHashMap.newKeySet();

        /**
         * The pool's view of one SQLite connection. Besides the two fixes above: a connection opened
         * while the database could not be written (SQLite then opens it, and the process's shared WAL
         * index, read-only) is reopened once the file is writable again, at the start of the next
         * transaction or statement, together with every other such connection (SQLite shares the
         * read-only index between them until the last one closes), so the service recovers from a
         * read-only volume without a restart.
         */
        private Connection wrap(Connection first) {
            Path file = databaseFile(url);
            Held h = new Held(first, !writable(file));
            held.add(h);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("setReadOnly")) {
                            return null;
                        }
                        if (name.equals("isReadOnly")) {
                            return false;
                        }
                        if (name.equals("close")) {
                            held.remove(h);
                        }
                        if (h.openedReadOnly && (name.equals("setAutoCommit") || name.endsWith("Statement")) && writable(file)) {
                            reopenReadOnlyConnections();
                        }
                        Connection connection = h.target.get();
                        if (name.equals("rollback") && args == null && connection.getAutoCommit()) {
                            return null; // nothing to roll back (see settle)
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            if (name.equals("commit") || name.equals("setAutoCommit")) {
                                settle(connection);
                            }
                            throw e.getCause();
                        }
                    });
        }

        /** Closes every connection opened read-only, then gives each a fresh one (read-write now). */
        private synchronized void reopenReadOnlyConnections() throws SQLException {
            List<Held> stale = held.stream().filter(x -> x.openedReadOnly).toList();
            if (stale.isEmpty()) {
                return;
            }
            for (Held x : stale) {
                try {
                    x.target.get().close();
                } catch (SQLException ignored) {
                    // closing is all we want
                }
            }
            for (Held x : stale) {
                x.target.set(JDBC.createConnection(url, new Properties()));
                x.openedReadOnly = false;
            }
        }

        private static boolean writable(Path file) {
            if (file == null) {
                return true;
            }
            Path folder = file.toAbsolutePath().getParent();
            return (!Files.exists(file) || Files.isWritable(file)) && (folder == null || Files.isWritable(folder));
        }

        /**
         * A COMMIT that fails (disk full, I/O error) may leave SQLite's transaction rolled back or still
         * open, and a BEGIN that fails (read-only database) leaves sqlite-jdbc believing it is in one.
         * Roll back for certain and put the connection in auto-commit, so that the caller's rollback
         * has nothing to do (and cannot hide the real error behind "database in auto-commit mode"),
         * and the next transaction on this pooled connection starts with a real BEGIN.
         */
        private static void settle(Connection connection) {
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException alreadyRolledBack) {
                // SQLite rolled it back itself
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException noTransaction) {
                // the flag is set before sqlite-jdbc's COMMIT, which finds no transaction: auto-commit it is
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(JDBC.createConnection(url, new Properties()));
        }


        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return logWriter;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            this.logWriter = out;
        }

        @Override
        public void setLoginTimeout(int seconds) {
            this.loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("not a wrapper for " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}
