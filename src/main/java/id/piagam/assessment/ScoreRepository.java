package id.piagam.assessment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ScoreRepository extends CrudRepository<Score, Long> {

    List<Score> findByEnrolmentIdIn(Collection<Long> enrolmentIds);

    Optional<Score> findByEnrolmentIdAndComponentId(Long enrolmentId, Long componentId);

    boolean existsByComponentId(Long componentId);
}
