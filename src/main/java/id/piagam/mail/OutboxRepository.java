package id.piagam.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface OutboxRepository extends CrudRepository<OutboxMessage, Long> {

    /** Messages due now whose claim (if any) has lapsed, oldest first. */
    @Query("""
            SELECT * FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
               AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY id LIMIT :limit""")
    List<OutboxMessage> findDue(Instant now, int limit);

    /**
     * Claims a due message for one instance until {@code until}; 1 when this call claimed it. With
     * several instances each message is sent by the one whose claim succeeded.
     */
    @Query("""
            UPDATE mail_outbox SET claimed_by = :by, claimed_until = :until WHERE id = :id AND status = 'PENDING'
               AND (claimed_until IS NULL OR claimed_until < :now)""")
    int claim(Long id, String by, Instant now, Instant until);

    /** Sent by instance {@code by}: the body (and any link in it) is purged. */
    @Query("""
            UPDATE mail_outbox SET status = 'SENT', sent_at = :at, sent_by = :by, attempts = attempts + 1, body_text = NULL,
                   body_html = NULL, claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE id = :id""")
    void sent(Long id, Instant at, String by);

    /** A temporary failure: tried again from {@code next}. */
    @Query("""
            UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error,
                   claimed_by = NULL, claimed_until = NULL WHERE id = :id""")
    void retry(Long id, Instant next, String error);

    /** Failed for good (or cancelled): the body is purged, the server's reply kept. */
    @Query("""
            UPDATE mail_outbox SET status = :status, attempts = attempts + :attempts, last_error = :error, bounced = :bounced,
                   body_text = NULL, body_html = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = :id""")
    void end(Long id, OutboxMessage.Status status, int attempts, @Nullable String error, boolean bounced);

    @Query("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT' AND sent_at > :since")
    long countSentSince(Instant since);

    /**
     * What counts against the per-minute limit across instances: sent since {@code since}, plus claimed and
     * still in flight at {@code now} (by any instance).
     */
    @Query("""
            SELECT (SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT' AND sent_at > :since)
                 + (SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND claimed_until > :now)""")
    long countLeaving(Instant since, Instant now);

    /** Gives a claim back unused (the per-minute limit was reached after claiming). */
    @Query("UPDATE mail_outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :by AND status = 'PENDING'")
    void release(Long id, String by);

    List<OutboxMessage> findByEventIdOrderByIdDesc(Long eventId);

    List<OutboxMessage> findByParticipantIdOrderByIdDesc(Long participantId);

    /** The addresses of the person that bounced (5xx at RCPT). */
    @Query("SELECT DISTINCT recipient FROM mail_outbox WHERE participant_id = :participantId AND bounced = TRUE")
    List<String> findBouncedRecipients(Long participantId);

    /** Every message to these people, newest first (the delivery list of an event or a person). */
    List<OutboxMessage> findByParticipantIdInOrderByIdDesc(Collection<Long> participantIds);

    /** The refused recipients of these people: each marks its address (as long as the person still has it) as bouncing. */
    List<OutboxMessage> findByBouncedTrueAndParticipantIdIn(Collection<Long> participantIds);

    /** A waiting message leaves at the next round instead of after its back-off. */
    @Query("UPDATE mail_outbox SET next_attempt_at = :now WHERE id = :id AND status = 'PENDING'")
    void dueNow(Long id, Instant now);
}
