package id.piagam.account;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password against the accounts table (on the blocking pool: bcrypt is slow
 * by design) and records failures for the {@link LoginThrottle}.
 */
@Singleton
class AccountProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    AccountProvider(UserRepository users, PasswordHasher hasher, LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> auth) {
        String username = auth.getIdentity() == null ? "" : auth.getIdentity().trim().toLowerCase(Locale.ROOT);
        String password = auth.getSecret() == null ? "" : auth.getSecret();
        if (throttle.lockedFor("user:" + username).isPresent()) {
            hasher.burn(password);
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        Optional<User> user = users.findByUsername(username);
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.matches(password, user.get().passwordHash());
        } else {
            hasher.burn(password);
            ok = false;
        }
        String client = LoginThrottleFilter.clientKey(request);
        if (!ok || !user.get().enabled()) {
            throttle.failure("user:" + username);
            throttle.failure(client);
            return AuthenticationResponse.failure(ok ? AuthenticationFailureReason.USER_DISABLED
                    : AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.success("user:" + username);
        User u = user.get();
        Map<String, Object> attributes = new HashMap<>();
        if (u.participantId() != null) {
            attributes.put(Roles.PARTICIPANT_ID_ATTRIBUTE, u.participantId());
        }
        attributes.put("userId", u.id());
        return AuthenticationResponse.success(u.username(), List.of(u.role().name()), attributes);
    }

    @Factory
    static class ThrottleFactory {
        @Singleton
        LoginThrottle loginThrottle(@Value("${piagam.login.max-failures:5}") int maxFailures,
                                    @Value("${piagam.login.window:15m}") Duration window,
                                    @Value("${piagam.login.lockout:5m}") Duration lockout, Clock clock) {
            return new LoginThrottle(maxFailures, window, lockout, clock);
        }
    }
}
