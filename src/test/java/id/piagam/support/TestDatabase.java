package id.piagam.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for tests that start the service in its own processes, on the engine the
 * suite runs on: a new SQLite file, or a new schema in the PostgreSQL test database
 * ({@code mvn -B test -Ppostgresql}).
 */
public record TestDatabase(String url, String user, String password) {

    public static boolean postgresql() {
        String envs = System.getenv("MICRONAUT_ENVIRONMENTS");
        return envs != null && envs.contains("postgresql");
    }

    public static TestDatabase fresh() throws Exception {
        if (!postgresql()) {
            Path file = Path.of("target/test-db/process-" + UUID.randomUUID() + ".db").toAbsolutePath();
            Files.createDirectories(file.getParent());
            return new TestDatabase("jdbc:sqlite:" + file + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000&transaction_mode=IMMEDIATE",
                    null, null);
        }
        String url = System.getenv("DATASOURCES_DEFAULT_URL");
        String user = System.getenv("DATASOURCES_DEFAULT_USERNAME");
        String password = System.getenv("DATASOURCES_DEFAULT_PASSWORD");
        return new TestDatabase(inFreshSchema(url, user, password, "p_"), user, password);
    }

    /** Creates an empty schema in the PostgreSQL database at {@code url}; returns the URL that works in it. */
    static String inFreshSchema(String url, String user, String password, String prefix) throws SQLException {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }
}
