package id.piagam.enrolment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface EnrolmentPhotoRepository extends CrudRepository<EnrolmentPhoto, Long> {
}
