package id.piagam.participant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One pas foto of one person, stored once per person and content (its SHA-256). The person's current
 * photo is the one not retired; a retired photo stays while an enrolment froze it for printing.
 */
@MappedEntity("participant_photo")
public record ParticipantPhoto(
        @Id @GeneratedValue @Nullable Long id,
        Long participantId,
        String sha256,
        String mediaType,
        int width,
        int height,
        byte[] bytes,
        Instant createdAt,
        @Nullable Instant retiredAt) {
}
