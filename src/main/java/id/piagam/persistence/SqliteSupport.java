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
import java.util.logging.Logger;

/**
 * What the embedded SQLite default needs from the pool.
 *
 * <ul>
 *   <li>The folder of the database file (e.g. {@code ./data}) is created before the first connection.</li>
 *   <li>{@code Connection.setReadOnly} becomes a no-op: Micronaut Data marks read-only transactions
 *       with it, and sqlite-jdbc refuses it once connected (micronaut-data issue 3560). Read-only
 *       intent on SQLite buys nothing; the pragmas in the URL (WAL, IMMEDIATE transactions) do the work.</li>
 * </ul>
 * Neither applies to other engines.
 */
final class SqliteSupport {

    private SqliteSupport() {
    }

    static boolean isSqlite(String url) {
        return url != null && url.startsWith("jdbc:sqlite:");
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

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("setReadOnly")) {
                            return null;
                        }
                        if (method.getName().equals("isReadOnly")) {
                            return false;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(JDBC.createConnection(url, new java.util.Properties()));
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
