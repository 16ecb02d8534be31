package id.piagam.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.sqlite.SQLiteDataSource;

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
            SQLiteDataSource driver = new SQLiteDataSource();
            driver.setUrl(url);
            config.setDataSource(new ReadOnlyIgnoringDataSource(driver));
            return config;
        }
    }

    static final class ReadOnlyIgnoringDataSource implements DataSource {
        private final DataSource delegate;

        ReadOnlyIgnoringDataSource(DataSource delegate) {
            this.delegate = delegate;
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
            return wrap(delegate.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(delegate.getConnection(username, password));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || delegate.isWrapperFor(iface);
        }
    }
}
