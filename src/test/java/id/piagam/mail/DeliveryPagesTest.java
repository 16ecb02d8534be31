package id.piagam.mail;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secretariat sees delivery: per person what was sent when and its state (the server's reply when
 * refused), Resend, the certificate mail progress on the event page, and the people no email reaches
 * (no address, or a bounced one) with their links to copy and as a CSV; a corrected address clears the mark.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryPagesTest extends ApiTest implements TestPropertyProvider {

    private ScriptedSmtpServer smtp;

    @Inject
    OutboxRepository outbox;

    @Override
    public Map<String, String> getProperties() {
        smtp = ScriptedSmtpServer.refusing(Map.of("hilang@contoh.go.id", "550 5.1.1 <hilang@contoh.go.id>: mailbox unknown",
                "salah@contoh.go.id", "550 5.1.1 <salah@contoh.go.id>: mailbox unknown"));
        return smtp.mailProperties();
    }

    @AfterAll
    void stopSmtp() throws IOException {
        smtp.close();
    }

    private List<OutboxMessage> certificateMail(long participantId) {
        return outbox.findByParticipantIdOrderByIdDesc(participantId).stream()
                .filter(m -> m.kind() == OutboxMessage.Kind.CERTIFICATE_ISSUED).toList();
    }

    @Test
    void theEventsDeliveryPageShowsEachMessageItsStateResendAndWhoNeedsTheLinkByHand() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long ayu = s.attending(2101, "Ayu Lestari");
        Map<String, Object> bayuData = new HashMap<>(Fixtures.aPns(2102, "Bayu Saputra"));
        bayuData.put("email", "hilang@contoh.go.id");
        bayuData.put("phone", "081234567890");
        long bayu = s.attending(bayuData);
        Map<String, Object> citraData = new HashMap<>(Fixtures.aPns(2103, "Citra Dewi"));
        citraData.remove("email");
        citraData.put("phone", "081298765432");
        long citra = s.attending(citraData);
        Api.Res job = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(job.get("issued")).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> certificateMail(ayu), l -> l.size() == 1 && l.get(0).status() == OutboxMessage.Status.SENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> certificateMail(bayu), l -> l.size() == 1 && l.get(0).status() == OutboxMessage.Status.FAILED);
        assertThat(certificateMail(citra)).as("no address, no email").isEmpty();

        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document event = Jsoup.parse(staff.get("/kegiatan/" + s.eventId).body());
        Element progress = event.selectFirst("#mail-progress");
        assertThat(progress.attr("data-sent")).isEqualTo("1");
        assertThat(progress.attr("data-pending")).isEqualTo("0");
        assertThat(progress.attr("data-failed")).isEqualTo("1");
        assertThat(progress.text()).contains("1 terkirim").contains("1 gagal");
        assertThat(event.selectFirst("a#deliveries").attr("href")).isEqualTo("/kegiatan/" + s.eventId + "/surel");

        Document page = Jsoup.parse(staff.get("/kegiatan/" + s.eventId + "/surel").body());
        assertThat(page.select("#mail-off")).isEmpty();
        Element sent = page.selectFirst("#messages tr[data-participant=" + ayu + "]");
        assertThat(sent.attr("data-status")).isEqualTo("SENT");
        assertThat(sent.text()).contains("Sertifikat terbit").contains("orang2101@contoh.go.id").contains("Terkirim").contains("WIB");
        Element failed = page.selectFirst("#messages tr[data-participant=" + bayu + "]");
        assertThat(failed.attr("data-status")).isEqualTo("FAILED");
        assertThat(failed.selectFirst(".reply").text()).contains("550").contains("mailbox unknown");
        assertThat(failed.text()).contains("Gagal").contains("alamat ditolak");

        // perlu dikirim manual: the bouncing address and the one without, each with its certificate link to copy
        assertThat(page.select("#manual tbody tr")).extracting(r -> r.attr("data-participant"))
                .containsExactlyInAnyOrder(String.valueOf(bayu), String.valueOf(citra));
        Element citraLine = page.selectFirst("#manual tr[data-participant=" + citra + "]");
        assertThat(citraLine.selectFirst(".why").text()).isEqualTo("tanpa alamat email");
        assertThat(citraLine.selectFirst("input[data-copy]").val()).contains("/verify/");
        assertThat(citraLine.selectFirst("input[data-copy]").attr("data-copy-label")).isEqualTo("Salin");
        assertThat(page.selectFirst("#manual tr[data-participant=" + bayu + "] .why").text()).contains("hilang@contoh.go.id").contains("ditolak");

        // Resend: a new message for Ayu, sent again; none for Bayu, whose address bounced (nothing written)
        long ayuMessage = Long.parseLong(sent.attr("data-message"));
        Api.Res resent = staff.post("/surel/" + ayuMessage + "/kirim-ulang", Map.of("_csrf", staff.csrf(), "dari", "kegiatan"));
        assertThat(resent.status()).isEqualTo(303);
        assertThat(resent.raw().getHeaders().get("Location")).isEqualTo("/kegiatan/" + s.eventId + "/surel?dikirim=1");
        await().atMost(Duration.ofSeconds(20)).until(() -> certificateMail(ayu),
                l -> l.size() == 2 && l.stream().allMatch(m -> m.status() == OutboxMessage.Status.SENT));
        long bayuMessage = Long.parseLong(failed.attr("data-message"));
        Api.Res refused = staff.post("/surel/" + bayuMessage + "/kirim-ulang", Map.of("_csrf", staff.csrf()));
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(Jsoup.parse(refused.body()).text()).contains("tidak sampai");
        assertThat(certificateMail(bayu)).hasSize(1);
        assertThat(staff.post("/surel/" + ayuMessage + "/kirim-ulang", Map.of("_csrf", "palsu")).status()).isEqualTo(403);

        // new invitation links for those two, with a CSV for a WhatsApp broadcast
        Document manual = Jsoup.parse(staff.post("/kegiatan/" + s.eventId + "/surel/manual", Map.of("_csrf", staff.csrf())).body());
        assertThat(manual.select("#invitations tbody tr")).hasSize(2);
        String href = manual.selectFirst("a#invitations-csv").attr("href");
        String csv = new String(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).values()).containsExactly("Nama", "NIP/NIK", "Telepon", "Tautan", "Berlaku sampai");
        CSVRecord citraRow = rows.stream().filter(r -> r.get(0).startsWith("Citra Dewi")).findFirst().orElseThrow();
        assertThat(citraRow.get(1)).isEqualTo(citraData.get("nip"));
        assertThat(citraRow.get(2)).isEqualTo("081298765432");
        assertThat(citraRow.get(3)).isEqualTo(manual.selectFirst("#invitations tr[data-participant=" + citra + "] input").val()).contains("/undangan/");
        assertThat(citraRow.get(4)).endsWith("WIB");
        assertThat(outbox.findByParticipantIdOrderByIdDesc(bayu)).as("no invitation email to a bouncing address").hasSize(1);
    }

    @Test
    void aBounceMarksThePersonOnTheirPageAndCorrectingTheAddressClearsIt() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Map<String, Object> data = new HashMap<>(Fixtures.aPns(2111, "Dodi Kurniawan"));
        data.put("email", "salah@contoh.go.id");
        long dodi = s.attending(data);
        assertThat(s.issue(dodi).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> certificateMail(dodi), l -> l.size() == 1 && l.get(0).status() == OutboxMessage.Status.FAILED);

        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document person = Jsoup.parse(staff.get("/peserta/" + dodi).body());
        assertThat(person.selectFirst("#email-bouncing").text()).contains("salah@contoh.go.id").contains("ditolak");
        Element line = person.selectFirst("#surel #messages tr[data-participant=" + dodi + "]");
        assertThat(line.attr("data-status")).isEqualTo("FAILED");
        assertThat(line.selectFirst(".reply").text()).contains("550");
        assertThat(line.selectFirst("form input[name=dari]").val()).isEqualTo("peserta");

        data.put("email", "dodi.kurniawan@contoh.go.id");
        assertThat(operator.put("/api/participants/" + dodi, data).status()).isEqualTo(200);
        assertThat(Jsoup.parse(staff.get("/peserta/" + dodi).body()).select("#email-bouncing")).isEmpty();
        assertThat(Jsoup.parse(staff.get("/kegiatan/" + s.eventId + "/surel").body()).select("#manual tr[data-participant=" + dodi + "]")).isEmpty();

        // Resend now goes to the corrected address, from the person's page back to it
        Api.Res resent = staff.post("/surel/" + line.attr("data-message") + "/kirim-ulang", Map.of("_csrf", staff.csrf(), "dari", "peserta"));
        assertThat(resent.raw().getHeaders().get("Location")).isEqualTo("/peserta/" + dodi + "?dikirim=1#surel");
        await().atMost(Duration.ofSeconds(20)).until(() -> certificateMail(dodi),
                l -> l.size() == 2 && l.get(0).recipient().equals("dodi.kurniawan@contoh.go.id") && l.get(0).status() == OutboxMessage.Status.SENT);
    }
}
