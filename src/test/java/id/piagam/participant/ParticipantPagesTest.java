package id.piagam.participant;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ParticipantPagesTest extends ApiTest {

    @Inject
    ParticipantRepository participants;

    private Map<String, String> form(Browser browser, String fullName, String nip) {
        Map<String, String> f = new HashMap<>();
        f.put("_csrf", browser.csrf());
        f.put("fullName", fullName);
        f.put("nip", nip);
        f.put("category", "PNS");
        f.put("golongan", "iii/b");
        f.put("instansi", "Pemkab <Sampang>");
        return f;
    }

    @Test
    void searchListsPeopleWithLinksToTheirForms() {
        long id = participant(960, "Oktaviani Putri");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document doc = Jsoup.parse(browser.get("/peserta?q=oktaviani").body());
        assertThat(doc.select("#people tbody tr")).hasSize(1);
        assertThat(doc.selectFirst("#people tr[data-participant=" + id + "] a").attr("href")).isEqualTo("/peserta/" + id);
        assertThat(doc.selectFirst("nav[aria-label] a[href=/peserta]")).isNotNull();
        Api.Res export = browser.get(doc.selectFirst("#export-xlsx").attr("href"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.raw().getHeaders().get("Content-Disposition")).contains(".xlsx");
        Document edit = Jsoup.parse(browser.get("/peserta/" + id).body());
        Api.Res siasn = browser.get(edit.selectFirst("#siasn-xlsx").attr("href"));
        assertThat(siasn.status()).isEqualTo(200);
    }

    @Test
    void theListSaysWhichPageOfHowManyItShows() {
        for (int i = 0; i < 30; i++) {
            participant(2700 + i, "Pagina Sutrisno " + (char) ('A' + i % 26) + (i < 26 ? "" : "a"));
        }
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document first = Jsoup.parse(browser.get("/peserta?q=pagina").body());
        assertThat(first.select("#people tbody tr")).hasSize(25);
        assertThat(first.selectFirst("nav .page-of").text()).isEqualTo("Halaman 1 dari 2");
        Document second = Jsoup.parse(browser.get(first.selectFirst("nav a[href*=page=1]").attr("href")).body());
        assertThat(second.select("#people tbody tr")).hasSize(5);
        assertThat(second.selectFirst("nav .page-of").text()).isEqualTo("Halaman 2 dari 2");
    }

    @Test
    void theStaffPageOfAPersonShowsTheirRecordsBesideTheEditForm() {
        Scenario diklat = Scenario.of(operator, Fixtures.aDiklat());
        long id = diklat.attending(964, "Bayu Setiawan");
        diklat.scored(id, 85, 88);
        long certificate = diklat.issue(id).id();
        Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek());
        operator.post("/api/events/" + bimtek.eventId + "/enrolments", Map.of("participantId", id));
        for (long session : bimtek.sessionIds) {
            operator.put("/api/events/" + bimtek.eventId + "/sessions/" + session + "/attendance",
                    List.of(Map.of("participantId", id, "status", "HADIR")));
        }

        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res page = browser.get("/peserta/" + id);
        assertThat(page.status()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Bayu Setiawan, S.Kom.");
        // the records and the form side by side
        assertThat(doc.select(".beside > #records + .card form[action=/peserta/" + id + "]")).hasSize(1);
        // the same facts the participant sees: JP per year, each training with its result, the certificate
        Map<String, Object> records = operator.get("/api/participants/" + id + "/records").map();
        Map<?, ?> year = (Map<?, ?>) ((List<?>) records.get("totalsPerYear")).get(0);
        assertThat(doc.select("#jp-per-year tr[data-year=" + year.get("year") + "] td").get(1).text()).isEqualTo(String.valueOf(year.get("jp")));
        assertThat(doc.selectFirst("#jp-rule").text()).startsWith("PNS: paling sedikit 20 JP");
        assertThat(doc.select("#trainings tr[data-event=" + diklat.eventId + "] td.result").text()).isEqualTo("Lulus \u2014 Memuaskan");
        assertThat(doc.select("#trainings tr[data-event=" + bimtek.eventId + "] td.result").text()).isEqualTo("Selesai (kehadiran)");
        Element link = doc.selectFirst("#trainings a[href=/sertifikat/" + certificate + "]");
        assertThat(link.text()).isEqualTo(operator.get("/api/certificates/" + certificate).get("number"));
        assertThat(browser.get(link.attr("href")).status()).isEqualTo(200);
        // a new person has no records yet, only the form
        Document blank = Jsoup.parse(browser.get("/peserta/baru").body());
        assertThat(blank.selectFirst("#records")).isNull();
        assertThat(blank.selectFirst("h1").text()).isEqualTo("Tambah peserta");
    }

    @Test
    void theEditFormShowsTheStoredChoices() {
        long id = participant(962, "Sekar Wulandari");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res page = browser.get("/peserta/" + id);
        assertThat(page.status()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.selectFirst("#sex option[selected]").val()).isEqualTo("L");
        assertThat(doc.selectFirst("#category option[selected]").val()).isEqualTo("PNS");
    }

    @Test
    void anInvalidPersonIsShownWithMessagesNextToTheFieldsAndTheInputKept() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        long before = participants.count();
        Map<String, String> f = form(browser, "Putu Ayu", "197501011994131001");
        f.put("email", "bukan-email");
        Api.Res r = browser.post("/peserta/baru", f);
        assertThat(r.status()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("[role=alert]").text()).contains("Periksa kembali isian");
        assertThat(doc.selectFirst("#nip").val()).isEqualTo("197501011994131001");
        assertThat(doc.selectFirst("#nip").attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.selectFirst("#nip").attr("aria-describedby")).isEqualTo("nip-error");
        assertThat(doc.selectFirst("#nip-error").text()).isEqualTo("Bulan pengangkatan 13 pada NIP tidak valid (01-12).");
        assertThat(doc.selectFirst("#email-error").text()).isEqualTo("Alamat email tidak valid.");
        assertThat(doc.selectFirst("#fullName").val()).isEqualTo("Putu Ayu");
        assertThat(doc.selectFirst("#category option[selected]").val()).isEqualTo("PNS");
        assertThat(participants.count()).isEqualTo(before);
    }

    @Test
    void aValidPersonIsCreatedAndTheBrowserRedirectedThenEdited() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        String nip = (String) Fixtures.aPns(961, "x").get("nip");
        Api.Res created = browser.post("/peserta/baru", form(browser, "Made Wirawan", nip));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String location = created.raw().getHeaders().get("Location");
        assertThat(location).matches("/peserta/\\d+\\?tersimpan=1");
        Participant p = participants.findByNip(nip).orElseThrow();
        assertThat(p.golongan()).isEqualTo("III/b");
        assertThat(p.instansi()).isEqualTo("Pemkab <Sampang>");

        Api.Res page = browser.get(location);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.selectFirst("[role=status]").text()).isEqualTo("Tersimpan.");
        assertThat(doc.selectFirst("#instansi").val()).isEqualTo("Pemkab <Sampang>");
        assertThat(page.body()).doesNotContain("<Sampang>");

        Map<String, String> edit = form(browser, "Made Wirawan", nip);
        edit.put("jabatan", "Analis Kebijakan Ahli Muda");
        assertThat(browser.post("/peserta/" + p.id(), edit).status()).isEqualTo(303);
        assertThat(participants.findById(p.id()).orElseThrow().jabatan()).isEqualTo("Analis Kebijakan Ahli Muda");

        Api.Res duplicate = browser.post("/peserta/baru", form(browser, "Made Lain", nip));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(Jsoup.parse(duplicate.body()).selectFirst("[role=alert] a").attr("href")).isEqualTo("/peserta/" + p.id());
    }

    @Test
    void aFormWithoutTheSessionTokenChangesNothing() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        long before = participants.count();
        Map<String, String> f = form(browser, "Nyoman Sari", (String) Fixtures.aPns(962, "x").get("nip"));
        f.put("_csrf", "palsu");
        assertThat(browser.post("/peserta/baru", f).status()).isEqualTo(403);
        f.remove("_csrf");
        assertThat(browser.post("/peserta/baru", f).status()).isEqualTo(403);
        assertThat(participants.count()).isEqualTo(before);
    }
}
