package id.piagam.exchange;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface ImportUploadRepository extends CrudRepository<ImportUpload, String> {

    void deleteByCreatedAtLessThan(Instant cutoff);
}
