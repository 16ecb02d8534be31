package id.piagam.verification;

import id.piagam.support.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(3, 2, clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void aFullTableNeverResetsAClientThatIsBeingLimited() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(3, 0.01, clock, 100);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("scanner");
        }
        assertThat(limiter.tryAcquire("scanner")).isFalse();
        // a crowd of new clients fills the table many times over
        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMillis(1));
            limiter.tryAcquire("visitor-" + i);
        }
        assertThat(limiter.tracked()).isLessThanOrEqualTo(100);
        assertThat(limiter.tryAcquire("scanner")).isFalse();
    }

    @Test
    void clientsWhoseBucketRefilledAreDroppedFirst() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(3, 1, clock, 10);
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("old-" + i);
        }
        clock.advance(Duration.ofSeconds(10));
        limiter.tryAcquire("active");
        limiter.tryAcquire("active");
        limiter.tryAcquire("active");
        limiter.tryAcquire("newcomer");
        assertThat(limiter.tracked()).isEqualTo(2);
        assertThat(limiter.tryAcquire("active")).isFalse();
    }
}
