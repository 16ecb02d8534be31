package id.piagam.verification;

import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled at {@code perSecond}.
 * Public verification is open to anyone, so one client must not be able to scan codes at speed.
 * The table of clients is bounded without ever resetting a client that is being limited: when it is
 * full, buckets that have refilled completely (the same as no bucket) go first, and only if every
 * client is active, the tenth whose buckets are fullest (the least limited: dropping a bucket gives it
 * a full one).
 */
public final class RateLimiter {

    static final int MAX_CLIENTS = 100_000;

    private record Bucket(double tokens, long atMillis) {
    }

    private final double capacity;
    private final double perSecond;
    private final Clock clock;
    private final int maxClients;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, double perSecond, Clock clock) {
        this(capacity, perSecond, clock, MAX_CLIENTS);
    }

    RateLimiter(int capacity, double perSecond, Clock clock, int maxClients) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
        this.maxClients = maxClients;
    }

    /** Takes one token for the client; false when it has none left. */
    public boolean tryAcquire(String client) {
        long now = clock.millis();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            evict(now);
        }
        boolean[] allowed = new boolean[1];
        buckets.compute(client, (k, b) -> {
            double tokens = b == null ? capacity : refilled(b, now);
            allowed[0] = tokens >= 1;
            return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
        });
        return allowed[0];
    }

    private double refilled(Bucket b, long now) {
        return Math.min(capacity, b.tokens() + (now - b.atMillis()) / 1000.0 * perSecond);
    }

    private synchronized void evict(long now) {
        if (buckets.size() < maxClients) {
            return;
        }
        buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= capacity);
        if (buckets.size() >= maxClients) {
            buckets.entrySet().stream().sorted(Comparator.comparingDouble(e -> -refilled(e.getValue(), now))).limit(Math.max(1, maxClients / 10))
                    .map(Map.Entry::getKey).toList().forEach(buckets::remove);
        }
    }

    int tracked() {
        return buckets.size();
    }

    /** Seconds until the client has a token again. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
