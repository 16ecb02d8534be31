package id.piagam.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A one-time link for a participant to set a password; {@code id} is the SHA-256 of the link's token. */
@MappedEntity("invitation")
public record Invitation(@Id String id, Long participantId, String createdBy, Instant createdAt, Instant expiresAt,
                         @Nullable Instant usedAt) {

    /** Whether the link still works at {@code now}: unused and unexpired. */
    public boolean open(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
