package id.piagam.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A sign-in account. The password is kept only as a bcrypt hash. {@code tokenVersion} is stamped
 * into every bearer token and web session issued for the account; raising it (role change, disable,
 * new password, sign-out) ends all of them.
 */
@MappedEntity("app_user")
public record User(@Id @GeneratedValue @Nullable Long id, String username, String passwordHash, Role role,
                   @Nullable String displayName, @Nullable Long participantId, boolean enabled,
                   Instant createdAt, Instant updatedAt, int tokenVersion) {
}
