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
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public abstract class ScoreRepository implements CrudRepository<Score, Long> {

    /** The scores of all the person's enrolments, its columns in {@link #findByParticipant}'s order. */
    public static final String BY_PARTICIPANT = """
            SELECT s.id, s.enrolment_id, s.component_id, s.value, s.recorded_at, s.recorded_by
            FROM score s JOIN enrolment en ON en.id = s.enrolment_id WHERE en.participant_id = ?""";

    @Inject
    JdbcOperations jdbc;

    public abstract List<Score> findByEnrolmentIdIn(Collection<Long> enrolmentIds);

    /**
     * The scores of all the person's enrolments (one statement shape whatever their number), for their records: mapped
     * by hand ({@link Row}).
     */
    @Connectable
    public List<Score> findByParticipant(Long participantId) {
        return Row.list(jdbc, BY_PARTICIPANT, participantId, r -> new Score(r.longValue(), r.longValue(), r.longValue(), r.decimal(),
                r.instant(), r.string()));
    }

    public abstract Optional<Score> findByEnrolmentIdAndComponentId(Long enrolmentId, Long componentId);

    public abstract boolean existsByComponentId(Long componentId);
}
