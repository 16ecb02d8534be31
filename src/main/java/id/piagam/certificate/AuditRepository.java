package id.piagam.certificate;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AuditRepository extends CrudRepository<AuditEntry, Long> {

    List<AuditEntry> findByCertificateIdOrderById(Long certificateId);
}
