package id.piagam.attendance;

import id.piagam.programme.SessionAttendance;
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

    @Override
    boolean existsBySessionId(Long sessionId);
}
