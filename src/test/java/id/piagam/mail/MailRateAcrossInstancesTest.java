package id.piagam.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.piagam.account.InvitationRepository;
import id.piagam.certificate.CertificatePdfRepository;
import id.piagam.certificate.CertificateRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-minute limit is the provider's, so it holds for all instances together: what another instance is
 * sending right now counts, and what was not sent stays waiting, unclaimed, for the next minute.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailRateAcrossInstancesTest implements TestPropertyProvider {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final int LIMIT = 5;

    @Inject
    OutboxRepository outbox;
    @Inject
    MailSettings settings;
    @Inject
    SmtpMailer mailer;
    @Inject
    CertificatePdfRepository pdfs;
    @Inject
    CertificateRepository certificates;
    @Inject
    InvitationRepository invitations;
    @Inject
    Clock clock;

    @Override
    public Map<String, String> getProperties() {
        SMTP.start();
        // the service's own sender waits an hour before its first round: only the two senders below send
        return Map.of("piagam.mail.smtp.host", "127.0.0.1", "piagam.mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()),
                "piagam.mail.smtp.tls", "NONE", "piagam.mail.from", "piagam@bpsdm.contoh.go.id", "piagam.mail.poll", "1h",
                "piagam.mail.per-minute", String.valueOf(LIMIT));
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void messagesInFlightAtAnotherInstanceCountAgainstTheLimit() {
        Instant now = clock.instant();
        List<OutboxMessage> saved = IntStream.range(0, 12).mapToObj(i -> outbox.save(new OutboxMessage(null, "<rate-" + i + "@piagam.test>",
                OutboxMessage.Kind.INVITATION, null, null, null, null, "peserta" + i + "@contoh.go.id", "Undangan " + i,
                "Teks " + i, "<p>Teks " + i + "</p>", OutboxMessage.Status.PENDING, 0, now, null, null, null, false, now, null, null)))
                .toList();
        // another instance is sending three of them right now
        saved.subList(0, 3).forEach(m -> assertThat(outbox.claim(m.id(), "other-instance", now, now.plusSeconds(300))).isEqualTo(1));

        MailDrain here = new MailDrain(outbox, settings, mailer, pdfs, certificates, invitations, clock);
        here.drain();
        here.drain(); // a second round in the same minute sends nothing more

        List<OutboxMessage> rows = outbox.findAll().stream().filter(m -> m.messageId().startsWith("<rate-")).toList();
        assertThat(rows).filteredOn(m -> m.status() == OutboxMessage.Status.SENT).as("the limit less the three in flight")
                .hasSize(LIMIT - 3);
        assertThat(SMTP.getReceivedMessages()).hasSize(LIMIT - 3);
        assertThat(rows).filteredOn(m -> "other-instance".equals(m.claimedBy())).as("the other instance's claims untouched").hasSize(3);
        assertThat(rows).filteredOn(m -> m.status() == OutboxMessage.Status.PENDING && m.claimedBy() == null)
                .as("the rest wait, unclaimed, for the next minute").hasSize(12 - LIMIT);
    }
}
