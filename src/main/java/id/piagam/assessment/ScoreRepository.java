package id.piagam.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ScoreRepository extends CrudRepository<Score, Long> {

    List<Score> findByEnrolmentIdIn(Collection<Long> enrolmentIds);

    /** The scores of all the person's enrolments (one statement shape whatever their number). */
    @Query("SELECT s.* FROM score s JOIN enrolment en ON en.id = s.enrolment_id WHERE en.participant_id = :participantId")
    List<Score> findByParticipant(Long participantId);

    Optional<Score> findByEnrolmentIdAndComponentId(Long enrolmentId, Long componentId);

    boolean existsByComponentId(Long componentId);
}
