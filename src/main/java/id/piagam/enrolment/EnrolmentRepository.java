package id.piagam.enrolment;

import id.piagam.participant.Category;
import id.piagam.persistence.Row;
import id.piagam.persistence.RowLocks;
import id.piagam.programme.EventEnrolments;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public abstract class EnrolmentRepository implements CrudRepository<Enrolment, Long>, EventEnrolments {

    /** An enrolment's columns in the order {@link #row} maps them. */
    private static final String COLUMNS = """
            SELECT id, event_id, participant_id, role, status, printed_name, nip, nik, category, birth_place, birth_date, golongan,
              pangkat, jabatan, unit_kerja, instansi, created_at, updated_at, panitia_function
            FROM enrolment""";

    /** The person's enrolments, its columns in {@link #findByParticipantId}'s order. */
    public static final String BY_PARTICIPANT = COLUMNS + " WHERE participant_id = ?";

    @Inject
    JdbcOperations jdbc;

    public abstract List<Enrolment> findByEventIdOrderByPrintedName(Long eventId);

    /** Every enrolment of the person, for their records: mapped by hand ({@link Row}), as each records request reads them all. */
    @Connectable
    public List<Enrolment> findByParticipantId(Long participantId) {
        return Row.list(jdbc, BY_PARTICIPANT, participantId, EnrolmentRepository::row);
    }

    /**
     * These enrolments read and locked until the transaction ends, in one statement, in id order (so two runners
     * locking overlapping batches never wait on each other in a circle), as they are now: on PostgreSQL
     * {@code SELECT ... FOR NO KEY UPDATE} (the lock an update takes), which waits for a transaction holding one of them
     * and then answers its committed row; on SQLite the write transaction already holds the lock ({@link RowLocks}). A
     * bulk job's batch takes its people's locks this way: one statement instead of a no-op update (a new row version
     * on PostgreSQL) and a read per person (#16).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<Enrolment> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.execute(connection -> {
            String sql = COLUMNS + " WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY id"
                    + RowLocks.forUpdate(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                for (Long id : ids) {
                    statement.setLong(++i, id);
                }
                return Row.all(statement.executeQuery(), EnrolmentRepository::row);
            }
        });
    }

    private static Enrolment row(Row r) throws SQLException {
        return new Enrolment(r.longValue(), r.longValue(), r.longValue(),
                r.enumOf(EnrolmentRole.class), r.enumOf(EnrolmentStatus.class), r.string(), r.string(), r.string(),
                r.enumOf(Category.class), r.string(), r.date(), r.string(), r.string(), r.string(), r.string(), r.string(),
                r.instant(), r.instant(), r.enumOf(PanitiaFunction.class));
    }

    public abstract List<Enrolment> findByEventIdIn(Collection<Long> eventIds);

    public abstract Optional<Enrolment> findByEventIdAndParticipantId(Long eventId, Long participantId);

    @Override
    public abstract long countByEventId(Long eventId);

    @Override
    public List<EventEnrolments.Enrolled> enrolled(Long eventId) {
        return findByEventIdOrderByPrintedName(eventId).stream()
                .map(e -> new EventEnrolments.Enrolled(e.id(), e.printedName(), e.role().name())).toList();
    }

    /**
     * Takes the enrolment's row lock until the transaction ends, as {@link #lockAll} does for a batch: on PostgreSQL two
     * instances issuing, reissuing or revoking for the same person then queue instead of both seeing "not issued yet";
     * on SQLite the IMMEDIATE transaction already holds the write lock.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void lock(Long id) {
        lockAll(List.of(id));
    }
}
