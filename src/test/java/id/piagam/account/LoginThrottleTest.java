package id.piagam.account;

import id.piagam.support.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), Duration.ofMinutes(5), clock);

    @Test
    void locksAfterRepeatedFailuresAndUnlocksLater() {
        throttle.failure("user:a");
        throttle.failure("user:a");
        assertThat(throttle.lockedFor("user:a")).isEmpty();
        throttle.failure("user:a");
        assertThat(throttle.lockedFor("user:a")).contains(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.lockedFor("user:a")).isEmpty();
    }

    @Test
    void doublesTheLockEachTime() {
        for (int i = 0; i < 3; i++) {
            throttle.failure("k");
        }
        clock.advance(Duration.ofMinutes(6));
        for (int i = 0; i < 3; i++) {
            throttle.failure("k");
        }
        assertThat(throttle.lockedFor("k")).contains(Duration.ofMinutes(10));
    }

    @Test
    void forgetsFailuresOutsideTheWindowAndOnSuccess() {
        throttle.failure("k");
        throttle.failure("k");
        clock.advance(Duration.ofMinutes(16));
        throttle.failure("k");
        assertThat(throttle.lockedFor("k")).isEmpty();
        throttle.failure("k");
        throttle.success("k");
        throttle.failure("k");
        assertThat(throttle.lockedFor("k")).isEmpty();
        assertThat(throttle.lockedFor("other")).isEmpty();
    }
}
