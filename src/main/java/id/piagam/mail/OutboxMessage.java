package id.piagam.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One email in the outbox: the rendered message (kept until it is sent, then purged, because an
 * invitation's link is kept nowhere else) and its delivery state.
 */
@MappedEntity("mail_outbox")
public record OutboxMessage(@Id @GeneratedValue @Nullable Long id, String messageId, Kind kind, @Nullable Long participantId,
                            @Nullable Long eventId, @Nullable Long certificateId, @Nullable String invitationId, String recipient,
                            String subject, @Nullable String bodyText, @Nullable String bodyHtml, Status status, int attempts,
                            Instant nextAttemptAt, @Nullable String claimedBy, @Nullable Instant claimedUntil,
                            @Nullable String lastError, boolean bounced, Instant createdAt, @Nullable Instant sentAt,
                            @Nullable String sentBy) {

    public enum Kind {
        INVITATION, INVITATION_REMINDER, CERTIFICATE_ISSUED, CERTIFICATE_REISSUED, CERTIFICATE_REVOKED
    }

    /** PENDING until sent (retried after a temporary failure); FAILED for good with the server's reply; CANCELLED when no longer due. */
    public enum Status {
        PENDING, SENT, FAILED, CANCELLED
    }
}
