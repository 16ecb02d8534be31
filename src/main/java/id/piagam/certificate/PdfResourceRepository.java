package id.piagam.certificate;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
interface PdfResourceRepository extends CrudRepository<PdfResource, String> {

    /** Stores a resource unless it is there already (the same hash is the same bytes); SQLite and PostgreSQL alike. */
    @Query("INSERT INTO pdf_resource (sha256, bytes) VALUES (:sha256, :bytes) ON CONFLICT (sha256) DO NOTHING")
    void insertIfAbsent(String sha256, byte[] bytes);
}
