package id.piagam.account;

import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Checks the bearer token of an API request. The first time a token is seen, the framework's own validator
 * checks it (signature, issuer, "not before", expiry, {@link TokenExpiryRequired}); a token that passes is
 * remembered until it expires, so its later requests skip parsing it and computing its HMAC (8.5 % of the
 * Java samples of a participant's records, docs/load.md) and only its expiry is checked again, as the framework checks
 * it (the system clock, valid up to and including {@code exp}). The account behind the token is checked on
 * every request ({@link AccountTokenAuthentication#authenticate}: disabled, demoted, signed out), on the
 * blocking pool, never on the event loop. This replaces the framework's reactive validator
 * ({@code micronaut.security.token.jwt.nimbus.reactive-validator: false} in application.yml).
 */
@Singleton
class BearerTokens implements TokenValidator<HttpRequest<?>> {

    /** At most this many tokens are remembered (about 0.5 KB each); past it, expired ones are dropped first. */
    static final int MAX_REMEMBERED = 4_096;

    private record Remembered(AccountTokenAuthentication.Holder holder, long expiresAtMillis) {
    }

    private final JsonWebTokenValidator<JWT, HttpRequest<?>> framework;
    private final AccountTokenAuthentication accounts;
    private final ExecutorService blocking;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    BearerTokens(JsonWebTokenValidator<JWT, HttpRequest<?>> framework, AccountTokenAuthentication accounts,
                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.framework = framework;
        this.accounts = accounts;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return new OnePublisher(() -> holder(token, request).flatMap(accounts::authenticate), blocking);
    }

    /** The holder of a token that is valid now, or nothing. */
    Optional<AccountTokenAuthentication.Holder> holder(String token, HttpRequest<?> request) {
        long now = System.currentTimeMillis();
        Remembered r = remembered.get(token);
        if (r != null) {
            if (now <= r.expiresAtMillis()) {
                return Optional.of(r.holder());
            }
            remembered.remove(token);
            return Optional.empty();
        }
        Optional<JWT> valid = framework.validate(token, request);
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        try {
            var claims = valid.get().getJWTClaimsSet();
            Optional<AccountTokenAuthentication.Holder> holder = AccountTokenAuthentication.Holder.of(claims);
            // the framework refuses a token without an expiry (TokenExpiryRequired); remember only one that has it
            if (holder.isPresent() && claims.getExpirationTime() != null) {
                remember(token, new Remembered(holder.get(), claims.getExpirationTime().getTime()), now);
            }
            return holder;
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private void remember(String token, Remembered r, long now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(x -> x.expiresAtMillis() < now);
        }
        if (remembered.size() < MAX_REMEMBERED) {
            remembered.put(token, r);
        }
    }
}
