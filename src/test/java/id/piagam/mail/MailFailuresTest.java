package id.piagam.mail;

import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the sender does when the SMTP server refuses a recipient, for now (4xx) or for good (5xx). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailFailuresTest extends ApiTest implements TestPropertyProvider {

    private ScriptedSmtpServer smtp;

    @Inject
    OutboxRepository outbox;

    @Override
    public Map<String, String> getProperties() {
        smtp = ScriptedSmtpServer.refusing(Map.of("hilang@contoh.go.id", "550 5.1.1 <hilang@contoh.go.id>: mailbox unknown",
                "penuh@contoh.go.id", "452 4.2.2 mailbox full, try later"));
        return smtp.mailProperties();
    }

    @AfterAll
    void stopSmtp() throws IOException {
        smtp.close();
    }

    private long personWithEmail(int n, String email) {
        Map<String, Object> person = new HashMap<>(Fixtures.aPns(n, "Sri Wahyuni"));
        person.put("email", email);
        var created = operator.post("/api/participants", person);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    private OutboxMessage invitationMail(long participantId) {
        return outbox.findByParticipantIdOrderByIdDesc(participantId).stream()
                .filter(m -> m.kind() == OutboxMessage.Kind.INVITATION).findFirst().orElseThrow();
    }

    @Test
    void aRecipientRefusedForGoodFailsWithTheServersReplyAndIsMarkedAsBouncing() {
        long p = personWithEmail(1601, "hilang@contoh.go.id");
        assertThat(operator.post("/api/participants/" + p + "/invitations", Map.of()).status()).isEqualTo(201);
        OutboxMessage failed = await().atMost(Duration.ofSeconds(20)).until(() -> invitationMail(p),
                m -> m.status() == OutboxMessage.Status.FAILED);
        assertThat(failed.lastError()).contains("550").contains("mailbox unknown");
        assertThat(failed.bounced()).isTrue();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.bodyText()).isNull();
        assertThat(outbox.findBouncedRecipients(p)).containsExactly("hilang@contoh.go.id");
    }

    @Test
    void aTemporaryRefusalIsTriedAgainLater() {
        long p = personWithEmail(1602, "penuh@contoh.go.id");
        Instant before = Instant.now();
        assertThat(operator.post("/api/participants/" + p + "/invitations", Map.of()).status()).isEqualTo(201);
        OutboxMessage waiting = await().atMost(Duration.ofSeconds(20)).until(() -> invitationMail(p), m -> m.attempts() == 1);
        assertThat(waiting.status()).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(waiting.lastError()).contains("452");
        assertThat(waiting.bounced()).isFalse();
        assertThat(waiting.nextAttemptAt()).isAfter(before.plus(Duration.ofSeconds(55)));
        // the body waits for the next attempt: the link is still there to send
        assertThat(waiting.bodyText()).contains("/undangan/");
    }
}
