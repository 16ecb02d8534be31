package id.piagam.programme;

import id.piagam.persistence.Row;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public abstract class EventSessionRepository implements CrudRepository<EventSession, Long> {

    /** The sessions of every event the person is enrolled in, its columns in {@link #findByParticipant}'s order. */
    public static final String BY_PARTICIPANT = """
            SELECT s.id, s.event_id, s.position, s.session_date, s.start_time, s.end_time, s.topic, s.jp, s.facilitator,
              s.facilitator_role, s.facilitator_enrolment_id, s.moderator_enrolment_id FROM event_session s
            WHERE s.event_id IN (SELECT en.event_id FROM enrolment en WHERE en.participant_id = ?)
            ORDER BY s.event_id, s.position""";

    @Inject
    JdbcOperations jdbc;

    public abstract List<EventSession> findByEventIdOrderByPosition(Long eventId);

    public abstract List<EventSession> findByEventIdInOrderByPosition(Collection<Long> eventIds);

    /**
     * The sessions of every event the person is enrolled in (one statement shape whatever their number of events), for
     * their records: mapped by hand ({@link Row}), a records request reads a few dozen.
     */
    @Connectable
    public List<EventSession> findByParticipant(Long participantId) {
        return Row.list(jdbc, BY_PARTICIPANT, participantId, r -> new EventSession(r.longValue(), r.longValue(), r.intValue(), r.date(),
                r.string(), r.string(), r.string(), r.intValue(), r.string(), r.enumOf(FacilitatorRole.class), r.nullableLong(),
                r.nullableLong()));
    }
}
