package id.piagam.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A signed-in browser: the SHA-256 of its cookie token, the user, the CSRF token of its forms. */
@MappedEntity("web_session")
public record WebSession(@Id String id, Long userId, String csrfToken, Instant createdAt, Instant expiresAt,
                         @Nullable Instant endedAt) {
}
