package id.piagam.certificate;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class EventCertificatesPageTest extends ApiTest {

    @Test
    void theEventPageListsPeopleInTheSameOrderAsTheAttendancePage() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long zaki = s.attending(975, "Zaki Pratama");
        long dewi = s.attending(976, "dewi Lestari"); // typed in lower case: a byte-order sort put her after Z
        long bagus = s.attending(977, "Bagus Wicaksono");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        List<String> event = Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body())
                .select("#eligibility tbody tr").eachAttr("data-participant");
        List<String> attendance = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/kehadiran").body())
                .select("tr[data-participant]").eachAttr("data-participant");
        assertThat(event).containsExactly(String.valueOf(bagus), String.valueOf(dewi), String.valueOf(zaki));
        assertThat(attendance).isEqualTo(event);
    }

    @Test
    void theSecretariatSeesWhoIsEligibleIssuesAllAndDownloads() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("title", "Pelatihan Kearsipan"));
        long lulus = s.attending(970, "Purnama Sari");
        long gagal = s.attending(971, "Qori Amalia");
        s.scored(lulus, 88, 86).scored(gagal, 60, 61);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document home = Jsoup.parse(browser.get("/").body());
        assertThat(home.selectFirst("tr[data-event=" + s.eventId + "] a").attr("href")).isEqualTo("/kegiatan/" + s.eventId);
        // the first count is everyone enrolled (narasumber, moderators and panitia too), not only the peserta
        assertThat(home.select("thead th").eachText()).contains("Terdaftar", "Memenuhi syarat", "Sertifikat terbit");

        Document page = Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Diklat Pelatihan Kearsipan");
        assertThat(page.select("dd").eachText()).contains("80%", "70");
        // the programme the STTP prints on its back, without opening the edit form
        assertThat(page.selectFirst("#track").text()).startsWith("KL03");
        assertThat(page.selectFirst("#components").text()).isEqualTo("Sikap 20% · Ujian 80%");
        assertThat(page.selectFirst("#sessions summary").text()).isEqualTo("Agenda: 2 sesi, 8 JP");
        assertThat(page.select("#sessions tbody tr").get(1).select("td")).hasSize(6)
                .extracting(Element::text).containsExactly("2", "3 Maret 2026", "", "Materi 2", "4", "");
        assertThat(page.select("#eligibility tr[data-participant=" + lulus + "] td").get(3).text()).isEqualTo("STTP");
        // each line names the person by NIP and leads to their page
        var name = page.selectFirst("#eligibility tr[data-participant=" + lulus + "] td a");
        assertThat(name.attr("href")).isEqualTo("/peserta/" + lulus);
        assertThat(page.selectFirst("#eligibility tr[data-participant=" + lulus + "] .identity").text())
                .isEqualTo("NIP " + Fixtures.aPns(970, "x").get("nip"));
        assertThat(page.select("#eligibility tr[data-participant=" + gagal + "] td").get(3).text()).isEqualTo("nilai akhir 60,80 < 70");
        // a reader who chose English reads the reason in English
        browser.get("/bahasa/en");
        Document english = Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body());
        assertThat(english.select("#eligibility tr[data-participant=" + gagal + "] td").get(3).text()).isEqualTo("final score 60.80 < 70");
        // and every number on the page with the same decimal point (attendance, the final score)
        assertThat(page.select("#eligibility tr[data-participant=" + gagal + "] td").get(1).text()).isEqualTo("100,00%");
        assertThat(page.select("#eligibility tr[data-participant=" + gagal + "] td").get(2).text()).startsWith("60,80");
        assertThat(english.select("#eligibility tr[data-participant=" + gagal + "] td").get(1).text()).isEqualTo("100.00%");
        assertThat(english.select("#eligibility tr[data-participant=" + gagal + "] td").get(2).text()).startsWith("60.80");
        browser.get("/bahasa/id");

        assertThat(browser.post("/kegiatan/" + s.eventId + "/terbitkan", Map.of("_csrf", "palsu")).status()).isEqualTo(403);
        Api.Res started = browser.post("/kegiatan/" + s.eventId + "/terbitkan", Map.of("_csrf", browser.csrf()));
        assertThat(started.status()).isEqualTo(303);
        String following = started.raw().getHeaders().get("Location");
        assertThat(following).matches("/kegiatan/" + s.eventId + "\\?job=\\d+");
        Document progress = await("the job's progress says it is finished").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> Jsoup.parse(browser.get(following).body()), shown -> shown.selectFirst("#job").text().contains("selesai"));
        assertThat(progress.selectFirst("#job").text()).contains("Penerbitan selesai.").contains("1 terbit").contains("1 dilewati");
        assertThat(progress.selectFirst("#job progress").attr("value")).isEqualTo("2");

        String link = progress.selectFirst("#eligibility tr[data-participant=" + lulus + "] a[href^=/sertifikat/]").attr("href");
        assertThat(link).matches("/sertifikat/\\d+");
        Document certificate = Jsoup.parse(browser.get(link).body());
        assertThat(certificate.selectFirst("#status").text()).isEqualTo("Berlaku");
        assertThat(certificate.select("form#revoke")).as("revoking is for administrators").isEmpty();
        Api.Res pdf = browser.get(certificate.selectFirst("a[href$=/pdf]").attr("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.raw().getHeaders().get("Content-Type")).startsWith("application/pdf");
        assertThat(progress.select("#eligibility tr[data-participant=" + gagal + "] a[href^=/sertifikat/]")).isEmpty();

        // the session cookie never writes through the API (that needs a bearer token): not signed in, nothing started
        Api.Res write = browser.send(HttpRequest.POST("/api/events/" + s.eventId + "/enrolments/" + gagal + "/certificate", "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(write.status()).isIn(303, 401);
        Api.Res asJson = anonymous.send(HttpRequest.POST("/api/events/" + s.eventId + "/certificates", "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).cookie(io.micronaut.http.cookie.Cookie.of("piagam_session",
                        browser.cookie("piagam_session"))));
        assertThat(asJson.status()).isEqualTo(401);
        assertThat(operator.get("/api/events/" + s.eventId + "/certificates").list()).hasSize(1);
    }

    @Test
    void theFinishedJobListsWhoWasSkippedAndWhyInEitherLanguage() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("title", "Pelatihan Kepemimpinan"));
        long lulus = s.attending(972, "Ratna Dewi");
        long gagal = s.attending(973, "Sigit Wibowo");
        s.scored(lulus, 88, 86).scored(gagal, 60, 61);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res started = browser.post("/kegiatan/" + s.eventId + "/terbitkan", Map.of("_csrf", browser.csrf()));
        String following = started.raw().getHeaders().get("Location");
        Document done = await("the job finishes").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> Jsoup.parse(browser.get(following).body()), shown -> shown.selectFirst("#job").text().contains("selesai"));

        // the counts say how many; the list says who and why, the issued one is not in it
        assertThat(done.select("#job-problems tbody tr")).hasSize(1);
        var skipped = done.selectFirst("#job-problems tr[data-participant=" + gagal + "]");
        assertThat(skipped.attr("data-outcome")).isEqualTo("SKIPPED");
        assertThat(skipped.select("td").get(0).selectFirst("a").text()).isEqualTo("Sigit Wibowo, S.Kom.");
        assertThat(skipped.select("td").get(0).selectFirst("a").attr("href")).isEqualTo("/peserta/" + gagal);
        assertThat(skipped.select("td").get(1).text()).isEqualTo("Dilewati");
        assertThat(skipped.select("td").get(2).text()).isEqualTo("Peserta tidak memenuhi syarat: nilai akhir 60,80 < 70");
        assertThat(skipped.select("td").get(2).attr("data-label")).isEqualTo("Alasan");
        assertThat(browser.get(following).body()).as("the reason is escaped text").contains("nilai akhir 60,80 &lt; 70</td>");

        browser.get("/bahasa/en");
        Document english = Jsoup.parse(browser.get(following).body());
        var inEnglish = english.selectFirst("#job-problems tr[data-participant=" + gagal + "]");
        assertThat(inEnglish.select("td").get(1).text()).isEqualTo("Skipped");
        assertThat(inEnglish.select("td").get(2).text()).isEqualTo("The participant is not eligible: final score 60.80 < 70");
        assertThat(english.selectFirst("#job-problems").parent().selectFirst("h3").text()).isEqualTo("Not issued");
    }
}
