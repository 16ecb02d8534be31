package id.piagam.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.piagam.account.Invitations;
import id.piagam.certificate.CertificatePdfRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Email leaves through the outbox to a real SMTP server (GreenMail) started by the test. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailOutboxTest extends ApiTest implements TestPropertyProvider {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    OutboxRepository outbox;
    @Inject
    CertificatePdfRepository pdfs;
    @Inject
    Invitations invitations;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        SMTP.start();
        return Map.of("piagam.mail.smtp.host", "127.0.0.1", "piagam.mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()),
                "piagam.mail.smtp.tls", "NONE", "piagam.mail.from", "piagam@bpsdm.contoh.go.id",
                "piagam.mail.reply-to", "sekretariat@bpsdm.contoh.go.id", "piagam.mail.poll", "200ms",
                "piagam.agency.name", "BPSDM Provinsi Contoh");
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void clearMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    private MimeMessage[] awaitMail(int count) {
        return await("email arrives").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(SMTP::getReceivedMessages, m -> m.length >= count);
    }

    private List<OutboxMessage> rowsFor(long participantId) {
        return outbox.findByParticipantIdOrderByIdDesc(participantId);
    }

    @Test
    void anInvitationIsEmailedWithItsLinkFromTheAgencyAndTheBodyIsPurgedOnceSent() throws Exception {
        long p = participant(1501, "Dewi Lestari");
        Api.Res invitation = operator.post("/api/participants/" + p + "/invitations", Map.of());
        assertThat(invitation.status()).isEqualTo(201);
        String url = (String) invitation.get("url");

        MimeMessage mail = awaitMail(1)[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("orang1501@contoh.go.id");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("piagam@bpsdm.contoh.go.id");
        assertThat(from.getPersonal()).isEqualTo("BPSDM Provinsi Contoh");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("sekretariat@bpsdm.contoh.go.id");
        assertThat(mail.getSubject()).isEqualTo("Undangan: buat kata sandi untuk riwayat pelatihan Anda");
        String text = GreenMailUtil.getBody(((Multipart) mail.getContent()).getBodyPart(0));
        assertThat(text).contains("Yth. Dewi Lestari, S.Kom.").contains(url);
        String html = (String) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("<a href=\"" + url + "\">");

        await().atMost(Duration.ofSeconds(10)).until(() -> rowsFor(p).stream()
                .anyMatch(r -> r.kind() == OutboxMessage.Kind.INVITATION && r.status() == OutboxMessage.Status.SENT));
        OutboxMessage sent = rowsFor(p).stream().filter(r -> r.kind() == OutboxMessage.Kind.INVITATION).findFirst().orElseThrow();
        assertThat(mail.getMessageID()).isEqualTo(sent.messageId());
        assertThat(sent.bodyText()).isNull();
        assertThat(sent.bodyHtml()).isNull();
        assertThat(sent.sentAt()).isNotNull();
        // the reminder waits, due a week later, and is the only place the link is still kept
        OutboxMessage reminder = rowsFor(p).stream().filter(r -> r.kind() == OutboxMessage.Kind.INVITATION_REMINDER).findFirst()
                .orElseThrow();
        assertThat(reminder.status()).isEqualTo(OutboxMessage.Status.PENDING);
        assertThat(reminder.nextAttemptAt()).isAfter(sent.createdAt().plus(Duration.ofDays(6)));
        assertThat(reminder.bodyText()).contains(url);
    }

    @Test
    void anInvitationRolledBackLeavesNoMessage() {
        long p = participant(1502, "Eko Prasetyo");
        try {
            tx.executeWrite(status -> {
                invitations.invite(p, "operator");
                assertThat(rowsFor(p)).isNotEmpty();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the whole transaction, the invitation with its outbox rows, is gone
        }
        assertThat(rowsFor(p)).isEmpty();
    }

    @Test
    void anIssuedCertificateIsEmailedWithTheStoredPdfAndTheVerificationLink() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(1503, "Fajar Hidayat");
        Api.Res issued = s.issue(p);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);

        MimeMessage mail = awaitMail(1)[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("orang1503@contoh.go.id");
        assertThat(mail.getSubject()).isEqualTo("Sertifikat Anda telah terbit: " + issued.get("number"));
        Multipart mixed = (Multipart) mail.getContent();
        String text = GreenMailUtil.getBody(((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0));
        assertThat(text).contains((String) issued.get("verifyUrl")).contains((String) issued.get("number"));
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(Arrays.equals(in.readAllBytes(), pdfs.findById(issued.id()).orElseThrow().bytes())).isTrue();
        }
    }

    @Test
    void aParticipantWithoutEmailGetsNoMessage() {
        Map<String, Object> person = new HashMap<>(Fixtures.aPns(1504, "Gita Permata"));
        person.remove("email");
        long p = operator.post("/api/participants", person).id();
        assertThat(operator.post("/api/participants/" + p + "/invitations", Map.of()).status()).isEqualTo(201);
        assertThat(rowsFor(p)).isEmpty();
    }
}
