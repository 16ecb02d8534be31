package id.piagam.certificate;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface StoredPdfRepository extends CrudRepository<StoredPdf, Long> {

    @Query("SELECT certificate_id FROM certificate_pdf WHERE resources IS NULL ORDER BY certificate_id LIMIT :limit")
    List<Long> findWholeIds(int limit);

    /** Replaces a whole (pre-V26) row by its compact form; 0 when another instance did it first. */
    @Query("UPDATE certificate_pdf SET bytes = :bytes, resources = :resources WHERE certificate_id = :certificateId AND resources IS NULL")
    long compact(Long certificateId, byte[] bytes, String resources);
}
