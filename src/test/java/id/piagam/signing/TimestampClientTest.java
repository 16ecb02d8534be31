package id.piagam.signing;

import id.piagam.support.ManualClock;
import id.piagam.support.TestTsa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An authority that hangs costs one wait, not one per person: after a timeout it is left alone for a minute
 * (each request in that minute is refused at once, saying why), then asked again. A quick refusal (HTTP 503)
 * does not make it wait: the next request asks again.
 */
class TimestampClientTest {

    private final TestTsa tsa = TestTsa.start();
    private final ManualClock clock = new ManualClock();
    private final TimestampClient client = new TimestampClient(tsa.url(), Duration.ofSeconds(2), Duration.ofSeconds(1), clock);

    @AfterEach
    void stop() {
        tsa.close();
    }

    @Test
    void anAuthorityThatDoesNotAnswerInTimeIsLeftAloneForAMinute() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("sertifikat".getBytes());
        tsa.mode(TestTsa.Mode.HANG);
        assertThatThrownBy(() -> client.token(digest)).isInstanceOf(TimestampClient.Failure.class).hasMessageContaining("no valid answer");
        assertThat(tsa.requests()).isEqualTo(1);

        tsa.mode(TestTsa.Mode.GRANT);
        clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> client.token(digest)).isInstanceOf(TimestampClient.Failure.class)
                .hasMessageContaining("did not answer in time").hasMessageContaining("not asked again before 2026-11-28T00:01:00Z");
        assertThat(tsa.requests()).as("not asked within the minute").isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(TimestampClient.contentInfo(client.token(digest))).isNotNull();
        assertThat(tsa.requests()).isEqualTo(2);
    }

    @Test
    void aQuickRefusalIsAskedAgainAtOnce() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("sertifikat".getBytes());
        tsa.mode(TestTsa.Mode.DOWN);
        assertThatThrownBy(() -> client.token(digest)).isInstanceOf(TimestampClient.Failure.class).hasMessageContaining("HTTP 503");
        tsa.mode(TestTsa.Mode.GRANT);
        assertThat(TimestampClient.contentInfo(client.token(digest))).isNotNull();
        assertThat(tsa.requests()).isEqualTo(2);
    }
}
