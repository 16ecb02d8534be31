package id.piagam.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.piagam.account.Invitation;
import id.piagam.account.InvitationRepository;
import id.piagam.account.UserRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The texts people receive, read from a real SMTP server (GreenMail): the issued notice with a link
 * only (the PDF attachment is off here), the reissue and revocation notices, the invitation reminder
 * (once, after the delay, never for a used or expired link), and English for a person who chose it.
 * Replies go to the secretariat: the agency profile's email when no reply-to address is configured.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailTextsTest extends ApiTest implements TestPropertyProvider {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Inject
    OutboxRepository outbox;
    @Inject
    InvitationRepository invitations;
    @Inject
    UserRepository users;

    @Override
    public Map<String, String> getProperties() {
        SMTP.start();
        return Map.of("piagam.mail.smtp.host", "127.0.0.1", "piagam.mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()),
                "piagam.mail.smtp.tls", "NONE", "piagam.mail.from", "piagam@bpsdm.contoh.go.id", "piagam.mail.poll", "200ms",
                "piagam.mail.attach-pdf", "false", "piagam.mail.reminder-after", "3s");
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void clearMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    private List<MimeMessage> mailTo(String address, int count) {
        return await("email to " + address).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(address)).toList(), l -> l.size() >= count);
    }

    private static String to(MimeMessage m) {
        try {
            Address[] all = m.getAllRecipients();
            return all == null ? "" : all[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) throws IOException, MessagingException {
        return GreenMailUtil.getBody(((Multipart) m.getContent()).getBodyPart(0));
    }

    private static String html(MimeMessage m) throws IOException, MessagingException {
        return (String) ((Multipart) m.getContent()).getBodyPart(1).getContent();
    }

    @Test
    void theIssuedNoticeLinksTheCertificateWithoutTheAttachmentWhenThatIsOffAndRepliesGoToTheAgency() throws Exception {
        Map<String, Object> agency = new HashMap<>();
        agency.put("fullName", "Badan Pengembangan Sumber Daya Manusia Provinsi Contoh");
        agency.put("shortName", "BPSDM Contoh");
        agency.put("email", "sekretariat@bpsdm.contoh.go.id");
        agency.put("signatories", List.of(Map.of("name", "Dr. Ir. Ramliyanto, M.P.", "nip", "196907071995031004", "golongan", "IV/c",
                "position", "Kepala Badan", "isDefault", true)));
        Api.Res saved = admin.put("/api/agency", agency);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(2301, "Gilang Ramadhan");
        Api.Res issued = s.issue(p);
        MimeMessage mail = mailTo("orang2301@contoh.go.id", 1).get(0);
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Badan Pengembangan Sumber Daya Manusia Provinsi Contoh");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("sekretariat@bpsdm.contoh.go.id");
        assertThat(text(mail)).contains((String) issued.get("verifyUrl")).contains("/saya").doesNotContain("terlampir");
        assertThat(html(mail)).contains("<a href=\"" + issued.get("verifyUrl") + "\">");
    }

    @Test
    void theReissueNoticeNamesTheOldAndNewNumberAndTheRevocationStatesTheReason() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(2302, "Hana Pertiwi");
        Api.Res first = s.issue(p);
        mailTo("orang2302@contoh.go.id", 1);
        Api.Res fresh = admin.post("/api/certificates/" + first.id() + "/reissue", Map.of("reason", "Gelar salah tulis"));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        MimeMessage reissued = mailTo("orang2302@contoh.go.id", 2).stream().filter(m -> subject(m).contains("diterbitkan ulang")).findFirst()
                .orElseThrow();
        assertThat(reissued.getSubject()).isEqualTo("Sertifikat Anda diterbitkan ulang: " + fresh.get("number"));
        assertThat(text(reissued)).contains("bernomor " + first.get("number")).contains("sertifikat baru bernomor " + fresh.get("number"));

        assertThat(admin.post("/api/certificates/" + fresh.id() + "/revoke", Map.of("reason", "Peserta tidak mengikuti ujian ulang")).status())
                .isEqualTo(200);
        MimeMessage revoked = mailTo("orang2302@contoh.go.id", 3).stream().filter(m -> subject(m).contains("dicabut")).findFirst().orElseThrow();
        assertThat(revoked.getSubject()).isEqualTo("Sertifikat Anda dicabut: " + fresh.get("number"));
        assertThat(text(revoked)).contains("telah dicabut").contains("Alasan pencabutan: Peserta tidak mengikuti ujian ulang");
        assertThat(revoked.getContentType()).as("no attachment with a revocation").startsWith("multipart/alternative");
    }

    @Test
    void theReminderGoesOnceAfterTheDelayOnlyForALinkStillUnused() throws Exception {
        long open = participant(2311, "Indra Gunawan");
        long used = participant(2312, "Joko Susilo");
        long expired = participant(2313, "Kartika Sari");
        String link = (String) operator.post("/api/participants/" + open + "/invitations", Map.of()).get("url");
        operator.post("/api/participants/" + used + "/invitations", Map.of());
        operator.post("/api/participants/" + expired + "/invitations", Map.of());
        Instant now = Instant.now();
        invitations.use(reminder(used).invitationId(), now);
        Invitation lapsing = invitations.findById(reminder(expired).invitationId()).orElseThrow();
        invitations.update(new Invitation(lapsing.id(), lapsing.participantId(), lapsing.createdBy(), lapsing.createdAt(), now.minusSeconds(1),
                null));

        List<MimeMessage> toOpen = mailTo("orang2311@contoh.go.id", 2);
        MimeMessage reminded = toOpen.stream().filter(m -> subject(m).startsWith("Pengingat")).findFirst().orElseThrow();
        assertThat(text(reminded)).contains(link);
        await().atMost(Duration.ofSeconds(20)).until(() -> reminder(used).status() == OutboxMessage.Status.CANCELLED
                && reminder(expired).status() == OutboxMessage.Status.CANCELLED);
        // a few more rounds of the sender: still one reminder each, none for the used or expired link
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Pengingat")).map(MailTextsTest::to).toList().equals(List.of("orang2311@contoh.go.id")));
        assertThat(reminder(open).status()).isEqualTo(OutboxMessage.Status.SENT);
    }

    @Test
    void aPersonWhoChoseEnglishGetsTheirEmailInEnglish() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(2321, "Lukas Wibowo");
        admin.post("/api/users", Map.of("username", "lukas", "password", "lukas-secret-123", "role", "PARTICIPANT", "participantId", p));
        Browser participant = new Browser(anonymous).signIn("lukas", "lukas-secret-123");
        assertThat(participant.get("/bahasa/en").status()).isEqualTo(303);

        Api.Res issued = s.issue(p);
        MimeMessage mail = mailTo("orang2321@contoh.go.id", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your certificate has been issued: " + issued.get("number"));
        assertThat(text(mail)).startsWith("Dear Lukas Wibowo, S.Kom.").contains("has been issued with number " + issued.get("number"))
                .contains("The certificate and its status can be checked at");
        assertThat(html(mail)).contains("<html lang=\"en\">");

        operator.post("/api/participants/" + p + "/invitations", Map.of());
        MimeMessage invitation = mailTo("orang2321@contoh.go.id", 2).stream().filter(m -> subject(m).startsWith("Invitation")).findFirst()
                .orElseThrow();
        assertThat(text(invitation)).containsPattern("until \\d{1,2} [A-Z][a-z]+ \\d{4}");
    }

    @Test
    void englishChosenBeforeSigningInBecomesTheAccountsLanguageAndTheirEmailComesInIt() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(2331, "Maria Setiawati");
        admin.post("/api/users", Map.of("username", "maria", "password", "maria-secret-123", "role", "PARTICIPANT", "participantId", p));
        assertThat(users.findLanguageByParticipant(p)).as("never chosen").isEmpty();

        Browser browser = new Browser(anonymous);
        assertThat(browser.get("/bahasa/en?next=/masuk").status()).isEqualTo(303);
        browser.signIn("maria", "maria-secret-123");
        assertThat(users.findLanguageByParticipant(p)).containsExactly("en");

        Api.Res issued = s.issue(p);
        MimeMessage mail = mailTo("orang2331@contoh.go.id", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your certificate has been issued: " + issued.get("number"));
        assertThat(html(mail)).contains("<html lang=\"en\">");
    }

    @Test
    void aLanguageTheAccountChoseIsNotOverriddenByTheCookieOfAnotherBrowser() {
        long p = participant(2332, "Nanda Kusuma");
        admin.post("/api/users", Map.of("username", "nanda", "password", "nanda-secret-123", "role", "PARTICIPANT", "participantId", p));
        Browser own = new Browser(anonymous).signIn("nanda", "nanda-secret-123");
        assertThat(own.get("/bahasa/id").status()).isEqualTo(303);
        assertThat(users.findLanguageByParticipant(p)).containsExactly("id");

        Browser other = new Browser(anonymous).cookie("lang", "en").signIn("nanda", "nanda-secret-123");
        assertThat(other.cookie("lang")).isEqualTo("en");
        assertThat(users.findLanguageByParticipant(p)).as("the account's own choice stands").containsExactly("id");
    }

    @Test
    void englishChosenBeforeAcceptingAnInvitationBecomesTheNewAccountsLanguage() {
        long p = participant(2333, "Oki Ramadhan");
        String url = (String) operator.post("/api/participants/" + p + "/invitations", Map.of()).get("url");
        String path = url.substring(url.indexOf("/undangan/"));
        Browser browser = new Browser(anonymous);
        assertThat(browser.get("/bahasa/en?next=" + path).status()).isEqualTo(303);
        String csrf = Jsoup.parse(browser.get(path).body()).selectFirst("input[name=_csrf]").val();
        Api.Res accepted = browser.post(path, Map.of("_csrf", csrf, "password", "Bintang-Laut-2026!x", "repeat", "Bintang-Laut-2026!x"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(303);
        assertThat(users.findLanguageByParticipant(p)).containsExactly("en");
    }

    private OutboxMessage reminder(long participantId) {
        return outbox.findByParticipantIdOrderByIdDesc(participantId).stream().filter(m -> m.kind() == OutboxMessage.Kind.INVITATION_REMINDER)
                .findFirst().orElseThrow();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
