package id.piagam.persistence;

import id.piagam.support.TestDatabase;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reads of a person's records run through {@link ReadSnapshot}: on one connection, and on SQLite in one read
 * transaction that sees one state of the database while another connection commits (so it holds no write lock), after
 * which the connection is as it was (autocommit, its transactions beginning IMMEDIATE).
 */
@MicronautTest(transactional = false)
class ReadSnapshotTest {

    private final String pattern = "SNAPSHOT-TEST-" + UUID.randomUUID();

    @Inject
    JdbcOperations jdbc;

    @AfterEach
    void removeRows() {
        jdbc.execute(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM number_reservation WHERE pattern = ?")) {
                st.setString(1, pattern);
                return st.executeUpdate();
            }
        });
    }

    @Test
    void theReadsInsideSeeOneStateWhileAnotherConnectionCommits() {
        reserve(1);
        List<Long> seen = ReadSnapshot.of(jdbc, () -> {
            long before = count();
            // another connection (another thread: this one's is bound to the snapshot) commits meanwhile; it would wait
            // for the busy timeout and fail if the snapshot held the write lock
            CompletableFuture.runAsync(() -> reserve(2)).join();
            return List.of(before, count());
        });
        if (TestDatabase.postgresql()) {
            assertThat(seen).containsExactly(1L, 2L); // read committed: each statement sees the latest commit
        } else {
            assertThat(seen).as("both reads inside the snapshot").containsExactly(1L, 1L);
        }
        assertThat(count()).as("after it").isEqualTo(2);
    }

    @Test
    void everyReadInsideUsesTheOneConnectionWhichIsLeftAsItWas() {
        AtomicReference<Connection> first = new AtomicReference<>();
        AtomicReference<Connection> second = new AtomicReference<>();
        ReadSnapshot.of(jdbc, () -> {
            jdbc.execute(c -> {
                first.set(c.unwrap(Connection.class));
                return null;
            });
            count();
            return jdbc.execute(c -> {
                second.set(c.unwrap(Connection.class));
                return null;
            });
        });
        assertThat(second.get()).isSameAs(first.get());
        assertLeftAsItWas(first.get());
    }

    @Test
    void aFailingReadEndsTheTransactionAndIsReported() {
        AtomicReference<Connection> used = new AtomicReference<>();
        assertThatThrownBy(() -> ReadSnapshot.of(jdbc, () -> {
            count();
            jdbc.execute(c -> {
                used.set(c.unwrap(Connection.class));
                return null;
            });
            throw new IllegalStateException("a read failed");
        })).hasMessage("a read failed");
        assertLeftAsItWas(used.get());
        reserve(3); // and the database takes writes
        assertThat(count()).isEqualTo(1);
    }

    private static void assertLeftAsItWas(Connection connection) {
        try {
            assertThat(connection.getAutoCommit()).as("autocommit").isTrue();
            if (connection.isWrapperFor(SQLiteConnection.class)) {
                assertThat(connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                        .as("how its transactions begin").isEqualTo(SQLiteConfig.TransactionMode.IMMEDIATE);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void reserve(int seq) {
        jdbc.execute(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO number_reservation (pattern, year, seq) VALUES (?, 2026, ?)")) {
                st.setString(1, pattern);
                st.setInt(2, seq);
                return st.executeUpdate();
            }
        });
    }

    private long count() {
        return jdbc.execute(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM number_reservation WHERE pattern = ?")) {
                st.setString(1, pattern);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
