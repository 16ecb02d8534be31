package id.piagam.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request and response records of the user administration API. */
final class UserRequests {

    private UserRequests() {
    }

    @Serdeable
    record CreateUser(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
                      @NotBlank @Size(min = 10, max = 200) String password,
                      @NotNull Role role,
                      @Nullable @Size(max = 150) String displayName,
                      @Nullable Long participantId) {
    }

    @Serdeable
    record UpdateUser(@Nullable @Size(min = 10, max = 200) String password,
                      @Nullable Role role,
                      @Nullable @Size(max = 150) String displayName,
                      @Nullable Boolean enabled) {
    }

    @Serdeable
    record UserView(Long id, String username, Role role, String displayName, Long participantId, boolean enabled,
                    Instant createdAt, Instant updatedAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.username(), u.role(), u.displayName(), u.participantId(), u.enabled(),
                    u.createdAt(), u.updatedAt());
        }
    }
}
