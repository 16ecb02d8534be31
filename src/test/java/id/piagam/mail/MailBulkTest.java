package id.piagam.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a bulk issue of 1,000 certificates every holder gets their email through a real SMTP server
 * (GreenMail), never faster than the configured rate ({@code piagam.mail.per-minute}, here 600: the
 * 1,000 need two minutes' budget), and the event page follows the progress. Prints messages per second.
 * Tagged {@code bulk}: it takes minutes by design, so it runs in the {@code full} profile.
 */
@Tag("bulk")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailBulkTest extends ApiTest implements TestPropertyProvider {

    private static final int HOLDERS = 1_000;
    private static final int PER_MINUTE = 600;
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    OutboxRepository outbox;

    @Override
    public Map<String, String> getProperties() {
        SMTP.start();
        return Map.of("piagam.mail.smtp.host", "127.0.0.1", "piagam.mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()),
                "piagam.mail.smtp.tls", "NONE", "piagam.mail.from", "piagam@bpsdm.contoh.go.id", "piagam.mail.poll", "200ms",
                "piagam.mail.per-minute", String.valueOf(PER_MINUTE), "piagam.mail.attach-pdf", "false");
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void afterABulkIssueOfAThousandEveryHolderGetsTheirEmailWithinTheRate() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        List<Map<String, Object>> present = new ArrayList<>();
        for (int i = 0; i < HOLDERS; i++) {
            present.add(Map.of("participantId", s.absent(3000 + i, Fixtures.name(3000 + i)), "status", "HADIR"));
        }
        for (long session : s.sessionIds) {
            assertThat(operator.put("/api/events/" + s.eventId + "/sessions/" + session + "/attendance", present).status()).isEqualTo(200);
        }
        Api.Res started = operator.post("/api/events/" + s.eventId + "/certificates", Map.of());
        // a shared, loaded machine issues far below the benchmark's rate: allow it time (and the test its own timeout)
        Api.Res job = await("job finishes").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> operator.get("/api/jobs/" + started.id()), j -> !"RUNNING".equals(j.get("status")));
        assertThat(job.get("issued")).isEqualTo(HOLDERS);

        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Element progress = Jsoup.parse(staff.get("/kegiatan/" + s.eventId).body()).selectFirst("#mail-progress");
        assertThat(Long.parseLong(progress.attr("data-sent")) + Long.parseLong(progress.attr("data-pending"))).isEqualTo(HOLDERS);

        MimeMessage[] received = await("1,000 emails arrive").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500))
                .until(SMTP::getReceivedMessages, m -> m.length >= HOLDERS);
        assertThat(Arrays.stream(received).map(MailBulkTest::recipient)).hasSize(HOLDERS).doesNotHaveDuplicates();

        // the last arrival may be a moment ahead of the sender recording it
        List<OutboxMessage> rows = await("every message recorded as sent").atMost(Duration.ofSeconds(30))
                .until(() -> outbox.findByEventIdOrderByIdDesc(s.eventId), l -> l.stream().allMatch(m -> m.sentAt() != null));
        List<Instant> sent = rows.stream().map(OutboxMessage::sentAt).sorted().toList();
        assertThat(sent).hasSize(HOLDERS);
        // the configured rate holds: no minute saw more than PER_MINUTE leave
        for (int i = 0; i + PER_MINUTE < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i), sent.get(i + PER_MINUTE))).as("message %d", i).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
        Element done = Jsoup.parse(staff.get("/kegiatan/" + s.eventId).body()).selectFirst("#mail-progress");
        assertThat(done.attr("data-sent")).isEqualTo(String.valueOf(HOLDERS));
        assertThat(done.attr("data-failed")).isEqualTo("0");

        double burst = Duration.between(sent.get(0), sent.get(PER_MINUTE - 1)).toMillis() / 1000.0;
        double all = Duration.between(sent.get(0), sent.get(HOLDERS - 1)).toMillis() / 1000.0;
        System.out.printf("bulk mail: %d emails to GreenMail; the first %d (the minute's budget) in %.1f s = %.1f messages/second;"
                + " all %d in %.1f s = %.1f messages/second at %d per minute%n", HOLDERS, PER_MINUTE, burst, PER_MINUTE / burst, HOLDERS, all,
                HOLDERS / all, PER_MINUTE);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
