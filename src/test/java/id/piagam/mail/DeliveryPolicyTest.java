package id.piagam.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPolicyTest {

    @Test
    void aTemporaryReplyIsRetriedUntilTheLastAttempt() {
        assertThat(DeliveryPolicy.after(451, 1, 8)).isEqualTo(DeliveryPolicy.Outcome.RETRY);
        assertThat(DeliveryPolicy.after(0, 7, 8)).isEqualTo(DeliveryPolicy.Outcome.RETRY);
        assertThat(DeliveryPolicy.after(421, 8, 8)).isEqualTo(DeliveryPolicy.Outcome.FAILED);
    }

    @Test
    void aPermanentReplyFailsAtOnce() {
        assertThat(DeliveryPolicy.after(550, 1, 8)).isEqualTo(DeliveryPolicy.Outcome.FAILED);
        assertThat(DeliveryPolicy.after(554, 1, 8)).isEqualTo(DeliveryPolicy.Outcome.FAILED);
    }

    @Test
    void theWaitDoublesUpToAnHour() {
        assertThat(DeliveryPolicy.backOff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DeliveryPolicy.backOff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DeliveryPolicy.backOff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DeliveryPolicy.backOff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliveryPolicy.backOff(30)).isEqualTo(Duration.ofHours(1));
    }
}
