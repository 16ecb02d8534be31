package id.piagam.programme;

import java.util.Collection;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EventRepository extends CrudRepository<Event, Long> {

    @Query(value = """
            SELECT * FROM event
            WHERE (:kind IS NULL OR kind = :kind) AND (:year IS NULL OR year = :year)
              AND (:pattern IS NULL OR LOWER(title) LIKE :pattern ESCAPE '\\' OR LOWER(code) LIKE :pattern ESCAPE '\\'
                   OR LOWER(organiser) LIKE :pattern ESCAPE '\\')
            ORDER BY start_date DESC, id DESC""",
            countQuery = """
            SELECT COUNT(*) FROM event
            WHERE (:kind IS NULL OR kind = :kind) AND (:year IS NULL OR year = :year)
              AND (:pattern IS NULL OR LOWER(title) LIKE :pattern ESCAPE '\\' OR LOWER(code) LIKE :pattern ESCAPE '\\'
                   OR LOWER(organiser) LIKE :pattern ESCAPE '\\')""")
    Page<Event> search(@Nullable String kind, @Nullable Integer year, @Nullable String pattern, Pageable pageable);

    List<Event> findByIdIn(Collection<Long> ids);
}
