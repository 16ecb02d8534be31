package id.piagam.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AssessmentComponentRepository extends CrudRepository<AssessmentComponent, Long> {

    List<AssessmentComponent> findByEventIdOrderByPosition(Long eventId);

    List<AssessmentComponent> findByEventIdInOrderByPosition(Collection<Long> eventIds);

    /** The components of every event the person is enrolled in (one statement shape whatever their number of events). */
    @Query("""
            SELECT c.* FROM assessment_component c
            WHERE c.event_id IN (SELECT en.event_id FROM enrolment en WHERE en.participant_id = :participantId)
            ORDER BY c.event_id, c.position""")
    List<AssessmentComponent> findByParticipant(Long participantId);
}
