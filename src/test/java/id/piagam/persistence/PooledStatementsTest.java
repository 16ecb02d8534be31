package id.piagam.persistence;

import id.piagam.support.TestDatabase;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the service's own pool, as the records' reads use it: on SQLite the statement prepared for one use is the one
 * the next use of that connection gets, still open after the connection went back to the pool (the pool's proxy closes
 * the statements prepared through it); on PostgreSQL each use prepares and closes its own.
 */
@MicronautTest(transactional = false)
class PooledStatementsTest {

    private static final String SQL = "SELECT COUNT(*) FROM participant WHERE id > ?";

    @Inject
    JdbcOperations jdbc;

    @Test
    void theSameStatementServesTheNextUseOfAPooledSqliteConnection() {
        PreparedStatement first = use();
        PreparedStatement second = use(); // the pool lends the connection it got back last
        if (TestDatabase.postgresql()) {
            assertThat(second).isNotSameAs(first);
            assertThat(closed(first)).isTrue();
        } else {
            assertThat(second).isSameAs(first);
            assertThat(closed(second)).isFalse();
        }
    }

    private PreparedStatement use() {
        return jdbc.execute(connection -> PreparedStatements.run(connection, SQL, statement -> {
            statement.setLong(1, 0);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
            return statement;
        }));
    }

    private static boolean closed(PreparedStatement statement) {
        try {
            return statement.isClosed();
        } catch (java.sql.SQLException e) {
            return true;
        }
    }
}
