package id.piagam.assessment;

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
public abstract class AssessmentComponentRepository implements CrudRepository<AssessmentComponent, Long> {

    /** The components of every event the person is enrolled in, its columns in {@link #findByParticipant}'s order. */
    public static final String BY_PARTICIPANT = """
            SELECT c.id, c.event_id, c.position, c.name, c.weight FROM assessment_component c
            WHERE c.event_id IN (SELECT en.event_id FROM enrolment en WHERE en.participant_id = ?)
            ORDER BY c.event_id, c.position""";

    @Inject
    JdbcOperations jdbc;

    public abstract List<AssessmentComponent> findByEventIdOrderByPosition(Long eventId);

    public abstract List<AssessmentComponent> findByEventIdInOrderByPosition(Collection<Long> eventIds);

    /**
     * The components of every event the person is enrolled in (one statement shape whatever their number of events), for
     * their records: mapped by hand ({@link Row}).
     */
    @Connectable
    public List<AssessmentComponent> findByParticipant(Long participantId) {
        return Row.list(jdbc, BY_PARTICIPANT, participantId, r -> new AssessmentComponent(r.longValue(), r.longValue(), r.intValue(),
                r.string(), r.decimal()));
    }
}
