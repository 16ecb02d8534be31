package id.piagam.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins for one key (a username, or a
 * client address) within {@code window}, that key is refused for {@code lockout}, doubling with each
 * further lock up to an hour. A success clears the username's count.
 */
public final class LoginThrottle {

    private record State(int failures, Instant windowStart, Instant lockedUntil, int locks) {
    }

    private static final Duration MAX_LOCK = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the key must wait, if it is locked now. */
    public Optional<Duration> lockedFor(String key) {
        State s = states.get(key);
        Instant now = clock.instant();
        if (s == null || s.lockedUntil() == null || !s.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, s.lockedUntil()));
    }

    public void failure(String key) {
        if (states.size() > MAX_TRACKED) {
            prune();
        }
        Instant now = clock.instant();
        states.compute(key, (k, s) -> {
            if (s == null || s.windowStart().plus(window).isBefore(now)) {
                s = new State(0, now, s == null ? null : s.lockedUntil(), s == null ? 0 : s.locks());
            }
            int failures = s.failures() + 1;
            if (failures >= maxFailures) {
                Duration lock = lockout.multipliedBy(1L << Math.min(s.locks(), 10));
                if (lock.compareTo(MAX_LOCK) > 0) {
                    lock = MAX_LOCK;
                }
                return new State(0, now, now.plus(lock), s.locks() + 1);
            }
            return new State(failures, s.windowStart(), s.lockedUntil(), s.locks());
        });
    }

    public void success(String key) {
        states.remove(key);
    }

    private void prune() {
        Instant now = clock.instant();
        states.entrySet().removeIf(e -> e.getValue().windowStart().plus(window).isBefore(now)
                && (e.getValue().lockedUntil() == null || e.getValue().lockedUntil().isBefore(now)));
    }
}
