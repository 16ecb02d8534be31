package id.piagam.programme;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EventSessionRepository extends CrudRepository<EventSession, Long> {

    List<EventSession> findByEventIdOrderByPosition(Long eventId);

    List<EventSession> findByEventIdInOrderByPosition(Collection<Long> eventIds);
}
