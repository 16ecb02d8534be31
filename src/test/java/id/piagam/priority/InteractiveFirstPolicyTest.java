package id.piagam.priority;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractiveFirstPolicyTest {

    private static final long MS = 1_000_000L;
    private final InteractiveFirstPolicy policy = new InteractiveFirstPolicy(1, Duration.ofMillis(10));

    @Test
    void oneRendererWhileARequestIsInFlight() {
        assertThat(policy.renderers(1, 0)).isEqualTo(1);
        assertThat(policy.renderers(40, 5_000 * MS)).as("a long download still in flight").isEqualTo(1);
    }

    @Test
    void oneRendererJustAfterARequestEndedThenAllOnceQuiet() {
        assertThat(policy.renderers(0, 9 * MS)).isEqualTo(1);
        assertThat(policy.renderers(0, 10 * MS)).isEqualTo(InteractiveFirstPolicy.ALL);
        assertThat(policy.renderers(0, Long.MAX_VALUE)).isEqualTo(InteractiveFirstPolicy.ALL);
    }

    @Test
    void zeroTurnsTheRuleOff() {
        InteractiveFirstPolicy off = new InteractiveFirstPolicy(0, Duration.ofMillis(10));
        assertThat(off.renderers(3, 0)).isEqualTo(InteractiveFirstPolicy.ALL);
    }

    @Test
    void aLargerBoundIsKept() {
        assertThat(new InteractiveFirstPolicy(2, Duration.ZERO).renderers(1, 0)).isEqualTo(2);
    }

    @Test
    void refusesANegativeSetting() {
        assertThatThrownBy(() -> new InteractiveFirstPolicy(-1, Duration.ofMillis(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InteractiveFirstPolicy(1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
