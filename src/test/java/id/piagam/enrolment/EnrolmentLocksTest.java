package id.piagam.enrolment;

import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A bulk job's batch takes its people's locks and reads them again in one statement ({@link EnrolmentRepository#lockAll}):
 * the rows as they are now, in id order; on PostgreSQL locked until the transaction ends, so another instance issuing to
 * one of them waits instead of both seeing "not issued yet", while a score or attendance recorded for one of them
 * meanwhile does not (on SQLite the write transaction holds the database's one write lock from its start).
 */
@MicronautTest(transactional = false)
class EnrolmentLocksTest extends ApiTest {

    @Inject
    EnrolmentRepository enrolments;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DataSource dataSource;

    private List<Long> people(String code, int first, int count) {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("code", code));
        return IntStream.range(0, count).mapToObj(i -> s.attending(first + i, "Peserta Kunci " + Fixtures.letters(i)))
                .map(p -> enrolments.findByEventIdAndParticipantId(s.eventId, p).orElseThrow().id()).toList();
    }

    @Test
    void answersTheRowsAsTheyAreNowInIdOrder() throws SQLException {
        List<Long> ids = people("KUNCI1", 900, 4);
        try (Connection c = raw().getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE enrolment SET printed_name = ? WHERE id = ?")) {
            ps.setString(1, "Nama Yang Dibetulkan");
            ps.setLong(2, ids.get(1));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        List<Enrolment> locked = tx.executeWrite(status -> enrolments.lockAll(List.of(ids.get(3), ids.get(1), ids.get(0))));

        assertThat(locked).extracting(Enrolment::id).containsExactly(ids.get(0), ids.get(1), ids.get(3));
        assertThat(locked.get(1).printedName()).isEqualTo("Nama Yang Dibetulkan");
        List<Enrolment> none = tx.executeWrite(status -> enrolments.lockAll(List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void holdsTheRowsUntilTheTransactionEnds() throws Exception {
        assumeTrue(TestDatabase.postgresql(), "row locks: the PostgreSQL pass (SQLite's write transaction holds the whole database)");
        List<Long> ids = people("KUNCI2", 910, 3);
        String nowait = "SELECT id FROM enrolment WHERE id = ? FOR UPDATE NOWAIT";
        tx.executeWrite(status -> {
            enrolments.lockAll(List.of(ids.get(0), ids.get(1)));
            try (Connection other = raw().getConnection()) {
                other.setAutoCommit(false);
                assertThatThrownBy(() -> lockFrom(other, nowait, ids.get(1))).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("lock_not_available").isEqualTo("55P03"));
                other.rollback();
                lockFrom(other, nowait, ids.get(2)); // one the batch does not hold is free
                other.rollback();
                // a row referring to a held one (a score, an attendance) is not held back: its key is not locked
                lockFrom(other, "SELECT id FROM enrolment WHERE id = ? FOR KEY SHARE NOWAIT", ids.get(1));
                other.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        try (Connection other = raw().getConnection()) {
            other.setAutoCommit(false);
            lockFrom(other, nowait, ids.get(1)); // released with the transaction
            other.rollback();
        }
    }

    /** The pool itself, not the transaction-aware data source: a connection of its own, beside the transaction's. */
    private DataSource raw() {
        return DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private static void lockFrom(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeQuery().close();
        }
    }
}
