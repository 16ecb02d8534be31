package id.piagam.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
public interface InvitationRepository extends CrudRepository<Invitation, String> {

    /** Marks the invitation used; 1 when this call used it, 0 when it was already used. */
    @Query("UPDATE invitation SET used_at = :at WHERE id = :id AND used_at IS NULL")
    int use(String id, Instant at);

    /** Ends the participant's invitations still open (they count as used from then on). */
    @Query("UPDATE invitation SET used_at = :at WHERE participant_id = :participantId AND used_at IS NULL")
    int endOpen(Long participantId, Instant at);
}
