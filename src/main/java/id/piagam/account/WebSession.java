package id.piagam.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A signed-in browser: the SHA-256 of its cookie token, the user, the CSRF token of its forms, and
 * the user's token version when it started (a later role change, disable, password or sign-out ends it).
 */
@MappedEntity("web_session")
public record WebSession(@Id String id, Long userId, String csrfToken, Instant createdAt, Instant expiresAt,
                         @Nullable Instant endedAt, int tokenVersion) {
}
