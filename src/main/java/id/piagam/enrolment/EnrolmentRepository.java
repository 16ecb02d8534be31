package id.piagam.enrolment;

import id.piagam.participant.Category;
import id.piagam.persistence.Row;
import id.piagam.programme.EventEnrolments;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public abstract class EnrolmentRepository implements CrudRepository<Enrolment, Long>, EventEnrolments {

    /** The person's enrolments, its columns in {@link #findByParticipantId}'s order. */
    public static final String BY_PARTICIPANT = """
            SELECT id, event_id, participant_id, role, status, printed_name, nip, nik, category, birth_place, birth_date, golongan,
              pangkat, jabatan, unit_kerja, instansi, created_at, updated_at, panitia_function
            FROM enrolment WHERE participant_id = ?""";

    @Inject
    JdbcOperations jdbc;

    public abstract List<Enrolment> findByEventIdOrderByPrintedName(Long eventId);

    /** Every enrolment of the person, for their records: mapped by hand ({@link Row}), as each records request reads them all. */
    @Connectable
    public List<Enrolment> findByParticipantId(Long participantId) {
        return Row.list(jdbc, BY_PARTICIPANT, participantId, r -> new Enrolment(r.longValue(), r.longValue(), r.longValue(),
                r.enumOf(EnrolmentRole.class), r.enumOf(EnrolmentStatus.class), r.string(), r.string(), r.string(),
                r.enumOf(Category.class), r.string(), r.date(), r.string(), r.string(), r.string(), r.string(), r.string(),
                r.instant(), r.instant(), r.enumOf(PanitiaFunction.class)));
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
     * Takes the enrolment's row lock until the transaction ends: a no-op update, portable across
     * engines. On PostgreSQL two instances issuing for the same person then queue instead of both
     * seeing "not issued yet"; on SQLite the IMMEDIATE transaction already holds the write lock.
     */
    @Query("UPDATE enrolment SET status = status WHERE id = :id")
    public abstract void lock(Long id);
}
