package id.piagam.attendance;

import id.piagam.programme.SessionAttendance;
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
public abstract class AttendanceRepository implements CrudRepository<Attendance, Long>, SessionAttendance {

    /** The attendance of all the person's enrolments, its columns in {@link #findByParticipant}'s order. */
    public static final String BY_PARTICIPANT = """
            SELECT a.id, a.enrolment_id, a.session_id, a.status, a.recorded_at, a.recorded_by
            FROM attendance a JOIN enrolment en ON en.id = a.enrolment_id WHERE en.participant_id = ?""";

    @Inject
    JdbcOperations jdbc;

    public abstract List<Attendance> findBySessionId(Long sessionId);

    public abstract Optional<Attendance> findByEnrolmentIdAndSessionId(Long enrolmentId, Long sessionId);

    public abstract List<Attendance> findByEnrolmentIdIn(Collection<Long> enrolmentIds);

    /**
     * The attendance of all the person's enrolments (one statement shape whatever their number), for their records:
     * mapped by hand ({@link Row}), a records request reads a few dozen rows.
     */
    @Connectable
    public List<Attendance> findByParticipant(Long participantId) {
        return Row.list(jdbc, BY_PARTICIPANT, participantId, r -> new Attendance(r.longValue(), r.longValue(), r.longValue(),
                r.enumOf(AttendanceStatus.class), r.instant(), r.string()));
    }

    @Override
    public abstract boolean existsBySessionId(Long sessionId);
}
