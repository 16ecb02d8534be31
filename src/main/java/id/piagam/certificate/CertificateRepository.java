package id.piagam.certificate;

import id.piagam.programme.EventCertificates;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface CertificateRepository extends CrudRepository<Certificate, Long>, EventCertificates {

    Optional<Certificate> findByEnrolmentIdAndStatus(Long enrolmentId, CertificateStatus status);

    List<Certificate> findByEnrolmentIdInAndStatus(Collection<Long> enrolmentIds, CertificateStatus status);

    Optional<Certificate> findByVerificationCode(String verificationCode);

    Optional<Certificate> findBySha256(String sha256);

    Optional<Certificate> findByNumber(String number);

    List<Certificate> findByEventIdOrderByNumber(Long eventId);

    /** A person's certificates as their records show them (no snapshot read). */
    List<CertificateSummary> listByParticipantIdOrderByIssuedAt(Long participantId);

    @Query("SELECT id FROM certificate WHERE event_id = :eventId AND status = 'VALID' ORDER BY holder_name, id")
    List<Long> findValidIdsByEventId(Long eventId);

    @Query("SELECT enrolment_id FROM certificate WHERE status = 'VALID' AND enrolment_id IN (:enrolmentIds)")
    List<Long> findValidEnrolmentIdsIn(Collection<Long> enrolmentIds);

    long countByEventIdAndStatus(Long eventId, CertificateStatus status);

    @Override
    default long countValidByEventId(Long eventId) {
        return countByEventIdAndStatus(eventId, CertificateStatus.VALID);
    }
}
