package id.piagam.assessment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AssessmentComponentRepository extends CrudRepository<AssessmentComponent, Long> {

    List<AssessmentComponent> findByEventIdOrderByPosition(Long eventId);

    List<AssessmentComponent> findByEventIdInOrderByPosition(Collection<Long> eventIds);
}
