package id.piagam.certificate;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface CertificateJobRepository extends CrudRepository<CertificateJob, Long> {

    List<CertificateJob> findByStatus(CertificateJob.Status status);

    @Query("""
            UPDATE certificate_job SET issued = issued + :issued, skipped = skipped + :skipped, failed = failed + :failed,
                   updated_at = :at WHERE id = :id""")
    void count(Long id, int issued, int skipped, int failed, Instant at);

    @Query("UPDATE certificate_job SET status = :status, updated_at = :at, finished_at = :at WHERE id = :id")
    void finish(Long id, CertificateJob.Status status, Instant at);
}
