package id.piagam.certificate;

import id.piagam.programme.EventCertificates;
import id.piagam.persistence.Row;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public abstract class CertificateRepository implements CrudRepository<Certificate, Long>, EventCertificates {

    /** A person's certificates for their records, its columns in {@link #summariesOf}'s order. */
    public static final String SUMMARIES_BY_PARTICIPANT = """
            SELECT id, enrolment_id, kind, number, status, issued_on, verification_code
            FROM certificate WHERE participant_id = ? ORDER BY issued_at""";

    /** Every column of a certificate, in {@link #certificate}'s order. */
    private static final String COLUMNS = """
            id, kind, number, status, event_id, enrolment_id, participant_id, holder_name, issued_on, issued_at, issued_by,
            expires_on, verification_code, sha256, pdf_size, snapshot, template_name, template_hash, supersedes_id,
            superseded_by_id, revoked_at, revoked_by, revoke_reason, signer_fingerprint""";

    /** Public verification's lookup, mapped by {@link #certificate}. */
    public static final String BY_VERIFICATION_CODE = "SELECT " + COLUMNS + " FROM certificate WHERE verification_code = ?";

    @Inject
    JdbcOperations jdbc;

    public abstract Optional<Certificate> findByEnrolmentIdAndStatus(Long enrolmentId, CertificateStatus status);

    public abstract List<Certificate> findByEnrolmentIdInAndStatus(Collection<Long> enrolmentIds, CertificateStatus status);

    /**
     * The certificate a verification code names, read as every public verification reads it: the statement kept per
     * SQLite connection and the row mapped by hand ({@link Row}). Compiling the statement anew and Micronaut Data's
     * per-row mapping were three fifths of the lookup and a quarter of a verification request's CPU (issue #14 point 3).
     */
    @Connectable
    public Optional<Certificate> findByVerificationCode(String verificationCode) {
        return Row.list(jdbc, BY_VERIFICATION_CODE, verificationCode, CertificateRepository::certificate).stream().findFirst();
    }

    public abstract Optional<Certificate> findBySha256(String sha256);

    public abstract Optional<Certificate> findByNumber(String number);

    public abstract List<Certificate> findByEventIdOrderByNumber(Long eventId);

    /**
     * A person's certificates as their records show them (no snapshot read), in the order they were issued; mapped by
     * hand ({@link Row}), as every records request reads them.
     */
    @Connectable
    public List<CertificateSummary> summariesOf(long participantId) {
        return Row.list(jdbc, SUMMARIES_BY_PARTICIPANT, participantId, r -> new CertificateSummary(r.longValue(), r.longValue(),
                r.enumOf(CertificateKind.class), r.string(), r.enumOf(CertificateStatus.class), r.date(), r.string()));
    }

    @Query("SELECT id FROM certificate WHERE event_id = :eventId AND status = 'VALID' ORDER BY holder_name, id")
    public abstract List<Long> findValidIdsByEventId(Long eventId);

    @Query("SELECT enrolment_id FROM certificate WHERE status = 'VALID' AND enrolment_id IN (:enrolmentIds)")
    public abstract List<Long> findValidEnrolmentIdsIn(Collection<Long> enrolmentIds);

    public abstract long countByEventIdAndStatus(Long eventId, CertificateStatus status);

    @Override
    public long countValidByEventId(Long eventId) {
        return countByEventIdAndStatus(eventId, CertificateStatus.VALID);
    }

    /** A whole certificate row selected as {@link #COLUMNS}; the record's constructor names every column, so none is left out. */
    private static Certificate certificate(Row r) throws SQLException {
        return new Certificate(r.longValue(), r.enumOf(CertificateKind.class), r.string(), r.enumOf(CertificateStatus.class),
                r.longValue(), r.longValue(), r.longValue(), r.string(), r.date(), r.instant(), r.string(), r.date(), r.string(),
                r.string(), r.intValue(), r.string(), r.string(), r.string(), r.nullableLong(), r.nullableLong(), r.instant(),
                r.string(), r.string(), r.string());
    }
}
