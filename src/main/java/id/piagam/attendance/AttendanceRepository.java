package id.piagam.attendance;

import id.piagam.programme.SessionAttendance;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AttendanceRepository extends CrudRepository<Attendance, Long>, SessionAttendance {

    List<Attendance> findBySessionId(Long sessionId);

    Optional<Attendance> findByEnrolmentIdAndSessionId(Long enrolmentId, Long sessionId);

    List<Attendance> findByEnrolmentIdIn(Collection<Long> enrolmentIds);

    /** The attendance of all the person's enrolments (one statement shape whatever their number). */
    @Query("SELECT a.* FROM attendance a JOIN enrolment en ON en.id = a.enrolment_id WHERE en.participant_id = :participantId")
    List<Attendance> findByParticipant(Long participantId);

    @Override
    boolean existsBySessionId(Long sessionId);
}
