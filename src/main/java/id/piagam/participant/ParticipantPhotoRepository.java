package id.piagam.participant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ParticipantPhotoRepository extends CrudRepository<ParticipantPhoto, Long> {

    /** The person's current photo. */
    Optional<ParticipantPhoto> findByParticipantIdAndRetiredAtIsNull(Long participantId);

    Optional<ParticipantPhoto> findByParticipantIdAndSha256(Long participantId, String sha256);

    /** The photo an enrolment froze for printing (the person's current one or an older one). */
    @Query("SELECT p.* FROM participant_photo p JOIN enrolment_photo e ON e.photo_id = p.id WHERE e.enrolment_id = :enrolmentId")
    Optional<ParticipantPhoto> findFrozenFor(Long enrolmentId);

    /** The photos these enrolments froze, in one query (a batch of the bulk job); a person's, so at most one per enrolment. */
    @Query("SELECT p.* FROM participant_photo p JOIN enrolment_photo e ON e.photo_id = p.id WHERE e.enrolment_id IN (:enrolmentIds)")
    List<ParticipantPhoto> findFrozenForAll(Collection<Long> enrolmentIds);

    @Query("UPDATE participant_photo SET retired_at = :at WHERE participant_id = :participantId AND retired_at IS NULL")
    void retireCurrent(Long participantId, Instant at);

    @Query("UPDATE participant_photo SET retired_at = NULL WHERE id = :id")
    void reinstate(Long id);

    /** Drops the person's retired photos that no enrolment froze (those are still printed). */
    @Query("DELETE FROM participant_photo WHERE participant_id = :participantId AND retired_at IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM enrolment_photo e WHERE e.photo_id = participant_photo.id)")
    void deleteUnusedRetired(Long participantId);
}
