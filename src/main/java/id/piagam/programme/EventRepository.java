package id.piagam.programme;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import id.piagam.persistence.Row;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Inject;

@JdbcRepository(dialect = Dialect.ANSI)
public abstract class EventRepository implements CrudRepository<Event, Long> {

    /** Every event the person is enrolled in (one statement shape whatever their number), its columns in {@link #read}'s order. */
    public static final String BY_PARTICIPANT = """
            SELECT id, kind, track, code, title, angkatan, year, organiser, partner, place, mode, start_date, end_date,
              minutes_per_jp, min_attendance_percent, pass_mark, grade_scale_id, attendance_letter, created_at, updated_at,
              number_pattern, certificate_template, issue_place, certificate_date, validity_months, signatory_prefix,
              signatory_position, signatory_name, signatory_pangkat, signatory_nip, signatory_office, signatory_golongan,
              certificate_title, attendance_title, narasumber_number_pattern, moderator_number_pattern, panitia_number_pattern,
              narasumber_title, moderator_title, panitia_title
            FROM event WHERE id IN (SELECT en.event_id FROM enrolment en WHERE en.participant_id = ?)""";

    @Inject
    JdbcOperations jdbc;

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
    public abstract Page<Event> search(@Nullable String kind, @Nullable Integer year, @Nullable String pattern, Pageable pageable);

    public abstract List<Event> findByIdIn(Collection<Long> ids);

    /**
     * Every event the person is enrolled in, for their records: mapped by hand ({@link Row}), as each records request
     * reads all of a person's events with their 40 columns.
     */
    @Connectable
    public List<Event> findByParticipant(Long participantId) {
        return Row.list(jdbc, BY_PARTICIPANT, participantId, EventRepository::read);
    }

    /** The version of each event the person is enrolled in (raised by the database with every write to the event, its sessions or its components). */
    public static final String VERSIONS_BY_PARTICIPANT = """
            SELECT id, version FROM event WHERE id IN (SELECT en.event_id FROM enrolment en WHERE en.participant_id = ?)""";

    /** An event's id and version. */
    public record Version(long eventId, long version) {
    }

    /** The versions of every event the person is enrolled in, for their records ({@code records/EventRows}). */
    @Connectable
    public List<Version> versionsByParticipant(Long participantId) {
        return Row.list(jdbc, VERSIONS_BY_PARTICIPANT, participantId, r -> new Version(r.longValue(), r.longValue()));
    }

    private static Event read(Row r) throws SQLException {
        return new Event(r.longValue(), r.enumOf(EventKind.class), r.enumOf(Track.class), r.string(), r.string(), r.string(),
                r.intValue(), r.string(), r.string(), r.string(), r.enumOf(Mode.class), r.date(), r.date(), r.intValue(), r.decimal(),
                r.decimal(), r.nullableLong(), r.bool(), r.instant(), r.instant(), r.string(), r.string(), r.string(), r.date(),
                r.nullableInt(), r.string(), r.string(), r.string(), r.string(), r.string(), r.string(), r.string(), r.string(),
                r.string(), r.string(), r.string(), r.string(), r.string(), r.string(), r.string());
    }

    /** The event created last (the secretariat's most recent), for a new event's defaults. */
    @Query("SELECT * FROM event ORDER BY created_at DESC, id DESC LIMIT 1")
    public abstract Optional<Event> findLatest();

    /** The event of this organiser (ignoring case) created last. */
    @Query("SELECT * FROM event WHERE LOWER(organiser) = LOWER(:organiser) ORDER BY created_at DESC, id DESC LIMIT 1")
    public abstract Optional<Event> findLatestByOrganiser(String organiser);

    /** Every organiser named by an event, once. */
    @Query("SELECT DISTINCT organiser FROM event ORDER BY organiser")
    public abstract List<String> listOrganisers();
}
