package id.piagam.enrolment;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface IdentityCorrectionRepository extends CrudRepository<IdentityCorrection, Long> {

    List<IdentityCorrection> findByEnrolmentIdAndActionOrderById(Long enrolmentId, String action);
}
