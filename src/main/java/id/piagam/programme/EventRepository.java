package id.piagam.programme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

    /** Every event the person is enrolled in (one statement shape whatever their number). */
    @Query("SELECT * FROM event WHERE id IN (SELECT en.event_id FROM enrolment en WHERE en.participant_id = :participantId)")
    List<Event> findByParticipant(Long participantId);

    /** The event created last (the secretariat's most recent), for a new event's defaults. */
    @Query("SELECT * FROM event ORDER BY created_at DESC, id DESC LIMIT 1")
    Optional<Event> findLatest();

    /** The event of this organiser (ignoring case) created last. */
    @Query("SELECT * FROM event WHERE LOWER(organiser) = LOWER(:organiser) ORDER BY created_at DESC, id DESC LIMIT 1")
    Optional<Event> findLatestByOrganiser(String organiser);

    /** Every organiser named by an event, once. */
    @Query("SELECT DISTINCT organiser FROM event ORDER BY organiser")
    List<String> listOrganisers();
}
