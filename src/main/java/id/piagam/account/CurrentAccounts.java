package id.piagam.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts as the database has them now, for checking every bearer token: enabled, role and
 * token version. Each account is read at most once per {@code piagam.security.account-cache}
 * (default 5 s) on each instance, so a change made on another instance (a demotion, a disable, a new
 * password, a sign-out) takes effect everywhere within that time; on this instance at once, because
 * a change evicts the entry.
 */
@Singleton
class CurrentAccounts {

    private record Entry(Optional<User> user, Instant readAt) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final UserRepository users;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

    CurrentAccounts(UserRepository users, Clock clock, @Value("${piagam.security.account-cache:5s}") Duration ttl) {
        this.users = users;
        this.clock = clock;
        this.ttl = ttl;
    }

    Optional<User> find(long id) {
        Instant now = clock.instant();
        Entry e = cache.get(id);
        if (e == null || !e.readAt().plus(ttl).isAfter(now)) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.entrySet().removeIf(x -> !x.getValue().readAt().plus(ttl).isAfter(now));
            }
            e = new Entry(users.findById(id), now);
            if (!ttl.isZero()) {
                cache.put(id, e);
            }
        }
        return e.user();
    }

    /** Ends every token and session of the account issued so far (sign-out). */
    void revoke(long id) {
        users.revokeTokens(id);
        evict(id);
    }

    void evict(long id) {
        cache.remove(id);
    }
}
