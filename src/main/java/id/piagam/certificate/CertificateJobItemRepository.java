package id.piagam.certificate;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface CertificateJobItemRepository extends CrudRepository<CertificateJobItem, Long> {

    List<CertificateJobItem> findByJobIdOrderById(Long jobId);

    boolean existsByJobIdAndParticipantId(Long jobId, Long participantId);

    List<CertificateJobItem> findByJobIdAndParticipantIdIn(Long jobId, Collection<Long> participantIds);

    @Query("SELECT participant_id FROM certificate_job_item WHERE job_id = :jobId")
    List<Long> findParticipantIdsByJobId(Long jobId);
}
