package id.piagam.enrolment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EnrolmentRepository extends CrudRepository<Enrolment, Long> {

    List<Enrolment> findByEventIdOrderByPrintedName(Long eventId);

    List<Enrolment> findByParticipantId(Long participantId);

    Optional<Enrolment> findByEventIdAndParticipantId(Long eventId, Long participantId);

    long countByEventId(Long eventId);
}
