package id.piagam.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.sqlite.SQLiteConnection;

import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool's connections really run with the settings the URL asks for. */
@MicronautTest(transactional = false)
@DisabledIfEnvironmentVariable(named = "MICRONAUT_ENVIRONMENTS", matches = ".*postgresql.*", disabledReason = "SQLite's pragmas")
class SqliteSettingsTest {

    @Inject
    ConnectionOperations<Connection> connections;

    @Test
    void connectionsUseWalForeignKeysBusyTimeoutAndImmediateTransactions() {
        connections.executeRead(status -> {
            Connection c = status.getConnection();
            try (Statement st = c.createStatement()) {
                assertThat(pragma(st, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(st, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(st, "busy_timeout")).isEqualTo("10000");
                SQLiteConnection sqlite = c.unwrap(SQLiteConnection.class);
                assertThat(sqlite.getConnectionConfig().getTransactionMode().getValue()).isEqualTo("IMMEDIATE");
                c.setReadOnly(true); // ignored on SQLite instead of failing every read-only transaction
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });
    }

    private static String pragma(Statement st, String name) throws Exception {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
