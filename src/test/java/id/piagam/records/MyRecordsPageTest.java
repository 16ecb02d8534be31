package id.piagam.records;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.text.Bahasa;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class MyRecordsPageTest extends ApiTest {

    /** A training that earned no JP says so beside its JP, and the page says what counts. */
    @Test
    void aTrainingThatCountsNoJpSaysSoBesideItsJp() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("attendanceLetter", true));
        long failed = s.attending(955, "Rudi Hartono");
        long passed = s.attending(956, "Sinta Maharani");
        s.scored(failed, 60, 65).scored(passed, 85, 88);
        assertThat(s.issue(failed).get("kind")).isEqualTo("ATTENDANCE");
        admin.post("/api/users", Map.of("username", "rudi", "password", "rudi-secret-123", "role", "PARTICIPANT", "participantId", failed));
        admin.post("/api/users", Map.of("username", "sinta", "password", "sinta-secret-12", "role", "PARTICIPANT", "participantId", passed));

        Document rudi = Jsoup.parse(new Browser(anonymous).signIn("rudi", "rudi-secret-123").get("/saya").body());
        assertThat(rudi.select("#jp-per-year tr[data-year=2026] td").eachText()).containsExactly("2026", "0", "kurang 20 JP");
        assertThat(rudi.select("#trainings tr[data-event=" + s.eventId + "] td").get(2).text()).isEqualTo("8 tidak dihitung");
        assertThat(rudi.selectFirst("#jp-counted").text()).startsWith("Yang dihitung: pelatihan yang diselesaikan sebagai peserta");
        Document sinta = Jsoup.parse(new Browser(anonymous).signIn("sinta", "sinta-secret-12").get("/saya").body());
        assertThat(sinta.select("#trainings tr[data-event=" + s.eventId + "] td").get(2).text()).isEqualTo("8");
    }

    @Test
    void aParticipantSeesOwnTrainingsJpPerYearAndDownloadsOnlyOwnCertificates() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long a = s.attending(950, "Maya Anggraini");
        long b = s.attending(951, "Nanda Pratiwi");
        s.scored(a, 85, 88).scored(b, 90, 90);
        long own = s.issue(a).id();
        long other = s.issue(b).id();
        admin.post("/api/users", Map.of("username", "maya", "password", "maya-secret-123", "role", "PARTICIPANT", "participantId", a));

        Browser maya = new Browser(anonymous).signIn("maya", "maya-secret-123");
        assertThat(maya.get("/").raw().getHeaders().get("Location")).isEqualTo("/saya");
        Api.Res page = maya.get("/saya");
        assertThat(page.status()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Riwayat pelatihan saya");
        assertThat(doc.select("#jp-per-year tr[data-year=2026] td").eachText()).containsExactly("2026", "8", "kurang 12 JP");
        // the person's name, not the account name, in the header and under the title
        assertThat(doc.selectFirst("header .me span").text()).isEqualTo("Maya Anggraini, S.Kom.");
        assertThat(doc.selectFirst("#person").text()).isEqualTo("Maya Anggraini, S.Kom.");
        assertThat(page.body()).doesNotContain(">maya<");
        assertThat(doc.select("#trainings tr[data-event=" + s.eventId + "] td").get(3).text()).isEqualTo("Lulus — Memuaskan");
        // on narrow screens each training is a card whose cells say what they are
        assertThat(doc.selectFirst("#trainings").hasClass("cards")).isTrue();
        assertThat(doc.select("#trainings tr[data-event=" + s.eventId + "] td").eachAttr("data-label"))
                .containsExactly("Tanggal", "JP", "Hasil", "Sertifikat");
        assertThat(doc.select("#trainings a[href=/saya/sertifikat/" + own + "]")).hasSize(1);
        // the dates in the reader's language
        Api.Res event = operator.get("/api/events/" + s.eventId);
        LocalDate start = LocalDate.parse((String) event.get("startDate"));
        LocalDate end = LocalDate.parse((String) event.get("endDate"));
        assertThat(doc.selectFirst("#trainings tr[data-event=" + s.eventId + "] td.dates").text()).isEqualTo(Bahasa.dateRange(start, end));
        maya.get("/bahasa/en");
        Document english = Jsoup.parse(maya.get("/saya").body());
        assertThat(english.selectFirst("#trainings tr[data-event=" + s.eventId + "] td.dates").text())
                .isEqualTo(Bahasa.dateRange(start, end, Locale.ENGLISH)).isNotEqualTo(Bahasa.dateRange(start, end));
        maya.get("/bahasa/id");
        assertThat(page.body()).doesNotContain("Nanda");

        Api.Res pdf = maya.get("/saya/sertifikat/" + own);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.raw().getHeaders().get("Content-Disposition")).contains("sertifikat-maya-anggraini-s-kom");
        // every other id: someone else's certificate, and ids that do not exist, look the same
        for (long id : new long[]{other, own + 1000, 0}) {
            assertThat(maya.get("/saya/sertifikat/" + id).status()).as("certificate " + id).isEqualTo(404);
        }
        // staff pages and the staff API stay closed to a participant
        assertThat(maya.get("/api/participants/" + b + "/records").status()).isEqualTo(403);
        assertThat(maya.get("/api/certificates/" + own + "/pdf").status()).isEqualTo(403);
        // the transcript: every training, the JP per year, the certificate numbers; only the holder's own
        Api.Res transcript = maya.get("/saya/transkrip.pdf");
        assertThat(transcript.status()).isEqualTo(200);
        assertThat(transcript.raw().getHeaders().get("Content-Disposition")).contains("transkrip-maya-anggraini-s-kom.pdf");
        String text = PdfChecks.text(transcript.raw().getBody(byte[].class).orElseThrow(), 1);
        assertThat(text).contains("TRANSKRIP RIWAYAT PELATIHAN").contains("Maya Anggraini, S.Kom.").contains("Pelatihan Pengadaan Barang/Jasa")
                .contains((String) operator.get("/api/certificates/" + own).get("number")).contains("kurang 12 JP").doesNotContain("Nanda");
        assertThat(maya.get("/api/participants/" + a + "/records/transcript.pdf").status()).isEqualTo(200);
        // every other participant's id on every participant-facing API address is refused
        for (long id : new long[]{b, a + 1000, 0}) {
            for (String path : new String[]{"/records", "/records/transcript.pdf", "/siasn.csv", "/siasn.xlsx"}) {
                assertThat(maya.get("/api/participants/" + id + path).status()).as(id + path).isEqualTo(403);
            }
        }
        assertThat(operator.get("/api/participants/" + b + "/records/transcript.pdf").status()).isEqualTo(200);
        // and the participant page is not for staff
        assertThat(new Browser(anonymous).signIn("operator", "operator-secret-1").get("/saya").status()).isEqualTo(403);
    }
}
