package id.piagam.verification;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled at {@code perSecond}.
 * Public verification is open to anyone, so one client must not be able to scan codes at speed.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private record Bucket(double tokens, long atMillis) {
    }

    private final double capacity;
    private final double perSecond;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, double perSecond, Clock clock) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Takes one token for the client; false when it has none left. */
    public boolean tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        long now = clock.millis();
        boolean[] allowed = new boolean[1];
        buckets.compute(client, (k, b) -> {
            double tokens = b == null ? capacity : Math.min(capacity, b.tokens() + (now - b.atMillis()) / 1000.0 * perSecond);
            allowed[0] = tokens >= 1;
            return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
        });
        return allowed[0];
    }

    /** Seconds until the client has a token again. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }
}
