package id.piagam.enrolment;

import id.piagam.programme.EventEnrolments;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EnrolmentRepository extends CrudRepository<Enrolment, Long>, EventEnrolments {

    List<Enrolment> findByEventIdOrderByPrintedName(Long eventId);

    List<Enrolment> findByParticipantId(Long participantId);

    List<Enrolment> findByEventIdIn(Collection<Long> eventIds);

    Optional<Enrolment> findByEventIdAndParticipantId(Long eventId, Long participantId);

    @Override
    long countByEventId(Long eventId);

    @Override
    default List<EventEnrolments.Enrolled> enrolled(Long eventId) {
        return findByEventIdOrderByPrintedName(eventId).stream()
                .map(e -> new EventEnrolments.Enrolled(e.id(), e.printedName(), e.role().name())).toList();
    }

    /**
     * Takes the enrolment's row lock until the transaction ends: a no-op update, portable across
     * engines. On PostgreSQL two instances issuing for the same person then queue instead of both
     * seeing "not issued yet"; on SQLite the IMMEDIATE transaction already holds the write lock.
     */
    @Query("UPDATE enrolment SET status = status WHERE id = :id")
    void lock(Long id);
}
