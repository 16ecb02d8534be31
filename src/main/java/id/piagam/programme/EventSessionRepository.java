package id.piagam.programme;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EventSessionRepository extends CrudRepository<EventSession, Long> {

    List<EventSession> findByEventIdOrderByPosition(Long eventId);

    List<EventSession> findByEventIdInOrderByPosition(Collection<Long> eventIds);

    /** The sessions of every event the person is enrolled in (one statement shape whatever their number of events). */
    @Query("""
            SELECT s.* FROM event_session s
            WHERE s.event_id IN (SELECT en.event_id FROM enrolment en WHERE en.participant_id = :participantId)
            ORDER BY s.event_id, s.position""")
    List<EventSession> findByParticipant(Long participantId);
}
