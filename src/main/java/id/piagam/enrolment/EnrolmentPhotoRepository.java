package id.piagam.enrolment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EnrolmentPhotoRepository extends CrudRepository<EnrolmentPhoto, Long> {

    /** The picture an enrolment froze, as printed: its bytes. */
    @Query("SELECT p.bytes FROM participant_photo p JOIN enrolment_photo e ON e.photo_id = p.id WHERE e.enrolment_id = :enrolmentId")
    Optional<byte[]> findBytesByEnrolmentId(Long enrolmentId);
}
