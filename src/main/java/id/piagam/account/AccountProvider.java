package id.piagam.account;

import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRepository;
import id.piagam.web.ClientAddresses;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a username and password against the accounts table (on the blocking pool: bcrypt is slow
 * by design) and records failures per account (the account itself, however it was named; an unknown
 * name by its text) and per client address.
 */
@Singleton
class AccountProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserRepository users;
    private final ParticipantRepository participants;
    private final PasswordHasher hasher;
    private final LoginThrottle accounts;
    private final LoginThrottle clients;
    private final ClientAddresses addresses;

    AccountProvider(UserRepository users, ParticipantRepository participants, PasswordHasher hasher,
                    @Named("accounts") LoginThrottle accounts, @Named("clients") LoginThrottle clients, ClientAddresses addresses) {
        this.addresses = addresses;
        this.users = users;
        this.participants = participants;
        this.hasher = hasher;
        this.accounts = accounts;
        this.clients = clients;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> auth) {
        String username = auth.getIdentity() == null ? "" : auth.getIdentity().trim().toLowerCase(Locale.ROOT);
        String password = auth.getSecret() == null ? "" : auth.getSecret();
        String client = LoginThrottleFilter.clientKey(addresses, request);
        Optional<User> user = users.findByUsername(username).or(() -> byIdentity(username));
        // the lock is the account's, whichever identifier (username, NIP in any spelling, NIK, email) names it
        String account = user.map(u -> "user:" + u.id()).orElse("name:" + username);
        if (accounts.lockedFor(account).isPresent()) {
            hasher.burn(password);
            clients.failure(client);
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.matches(password, user.get().passwordHash());
        } else {
            hasher.burn(password);
            ok = false;
        }
        if (!ok || !user.get().enabled()) {
            accounts.failure(account);
            clients.failure(client);
            return AuthenticationResponse.failure(ok ? AuthenticationFailureReason.USER_DISABLED
                    : AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        accounts.success(account);
        // the token carries the account and its token version; AccountTokenAuthentication checks both on each request
        Authentication a = AccountTokenAuthentication.authentication(user.get());
        return AuthenticationResponse.success(a.getName(), a.getRoles(), a.getAttributes());
    }

    /** Participants sign in with their NIP, NIK or email as well as their username. */
    private Optional<User> byIdentity(String identity) {
        String digits = identity.replaceAll("[\\s.\\-]", "");
        Optional<Participant> p = digits.matches("\\d{18}") ? participants.findByNip(digits)
                : digits.matches("\\d{16}") ? participants.findByNik(digits)
                : identity.contains("@") ? participants.findByEmail(identity) : Optional.empty();
        return p.flatMap(x -> users.findByParticipantId(x.id()));
    }

    @Factory
    static class ThrottleFactory {
        /** Per username: a handful of wrong passwords locks the account for a while. */
        @Singleton
        @Named("accounts")
        LoginThrottle accounts(@Value("${piagam.login.max-failures:5}") int maxFailures,
                               @Value("${piagam.login.window:15m}") Duration window,
                               @Value("${piagam.login.lockout:5m}") Duration lockout, Clock clock) {
            return new LoginThrottle(maxFailures, window, lockout, clock);
        }

        /**
         * Per client address: looser, because a whole office signs in from one NAT address, but it
         * stops one machine from trying many usernames.
         */
        @Singleton
        @Named("clients")
        LoginThrottle clients(@Value("${piagam.login.max-failures-per-client:30}") int maxFailures,
                              @Value("${piagam.login.window:15m}") Duration window,
                              @Value("${piagam.login.lockout:5m}") Duration lockout, Clock clock) {
            return new LoginThrottle(maxFailures, window, lockout, clock);
        }
    }
}
