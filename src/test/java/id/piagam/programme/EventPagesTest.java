package id.piagam.programme;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class EventPagesTest extends ApiTest {

    @Inject
    EventRepository events;

    /** A Diklat as a secretary fills the form: two sessions, a blank row between them, two components. */
    private static Map<String, String> diklat(Browser browser) {
        Map<String, String> f = new HashMap<>();
        f.put("_csrf", browser.csrf());
        f.put("kind", "DIKLAT");
        f.put("track", "KL03");
        f.put("code", "PBJ-7");
        f.put("title", "Pelatihan Pengadaan <Barang/Jasa>");
        f.put("organiser", "BPSDM Provinsi Jawa Timur");
        f.put("place", "Surabaya");
        f.put("mode", "LURING");
        f.put("startDate", "2026-05-04");
        f.put("endDate", "2026-05-06");
        f.put("minutesPerJp", "45");
        f.put("minAttendancePercent", "80");
        f.put("sessions[0].date", "2026-05-04");
        f.put("sessions[0].startTime", "08:00");
        f.put("sessions[0].endTime", "11:00");
        f.put("sessions[0].topic", "Regulasi pengadaan");
        f.put("sessions[0].jp", "4");
        f.put("sessions[0].facilitatorRole", "WIDYAISWARA");
        f.put("sessions[1].date", "");
        f.put("sessions[1].topic", "");
        f.put("sessions[2].date", "2026-05-05");
        f.put("sessions[2].topic", "Praktik e-katalog");
        f.put("sessions[2].jp", "6");
        f.put("components[0].name", "Sikap");
        f.put("components[0].weight", "20");
        f.put("components[1].name", "Ujian");
        f.put("components[1].weight", "80");
        f.put("passMark", "");
        f.put("certificate.numberPattern", "800.2/{seq:3}/{event}/{yyyy}");
        f.put("certificate.signatory.position", "Kepala BPSDM");
        f.put("certificate.signatory.name", "Dr. Hadi Prasetyo, M.Si.");
        f.put("certificate.signatory.nip", "197105121996031002");
        return f;
    }

    @Test
    void aDiklatIsCreatedFromTheFormWithItsSessionsComponentsAndSignatory() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document blank = Jsoup.parse(browser.get("/kegiatan/baru?jenis=DIKLAT").body());
        assertThat(blank.selectFirst("#kind option[selected]").val()).isEqualTo("DIKLAT");
        assertThat(blank.select("label[for=certificate.signatory.nip]")).hasSize(1);

        Api.Res created = browser.post("/kegiatan/baru", diklat(browser));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String location = created.raw().getHeaders().get("Location");
        assertThat(location).matches("/kegiatan/\\d+\\?tersimpan=1");
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));

        Map<String, Object> event = operator.get("/api/events/" + id).map();
        assertThat(event.get("title")).isEqualTo("Pelatihan Pengadaan <Barang/Jasa>");
        assertThat(event.get("totalJp")).isEqualTo(10);
        List<?> sessions = (List<?>) event.get("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(((Map<?, ?>) sessions.get(1)).get("topic")).isEqualTo("Praktik e-katalog");
        assertThat(((Map<?, ?>) sessions.get(0)).get("startTime")).isEqualTo("08:00");
        assertThat((List<?>) event.get("components")).hasSize(2);
        assertThat(((Map<?, ?>) event.get("certificate")).get("numberPattern")).isEqualTo("800.2/{seq:3}/{event}/{yyyy}");
        assertThat(((Map<?, ?>) ((Map<?, ?>) event.get("certificate")).get("signatory")).get("nip")).isEqualTo("197105121996031002");

        Document page = Jsoup.parse(browser.get(location).body());
        assertThat(page.selectFirst("[role=status]").text()).isEqualTo("Kegiatan tersimpan.");
        assertThat(page.select("h1 span").get(1).text()).isEqualTo("Pelatihan Pengadaan <Barang/Jasa>");
        assertThat(page.selectFirst("a[href=/kegiatan/" + id + "/nilai]")).isNotNull();

        Document edit = Jsoup.parse(browser.get("/kegiatan/" + id + "/ubah").body());
        assertThat(edit.selectFirst("#title").val()).isEqualTo("Pelatihan Pengadaan <Barang/Jasa>");
        assertThat(edit.selectFirst("[id=sessions[1].topic]").val()).isEqualTo("Praktik e-katalog");
        assertThat(edit.selectFirst("[id=components[1].weight]").val()).isEqualTo("80");
        assertThat(edit.selectFirst("[id=certificate.signatory.name]").val()).isEqualTo("Dr. Hadi Prasetyo, M.Si.");
        assertThat(edit.select("input[name=sessions[2].topic]")).as("blank rows to add sessions").hasSize(1);
    }

    @Test
    void aDiklatOfSixtySessionsAndTwentyFiveComponentsIsCreatedAndSavedUnchangedFromTheForm() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Map<String, String> f = diklat(browser);
        f.put("endDate", "2026-05-15");
        f.remove("sessions[1].date");
        f.remove("sessions[1].topic");
        for (int i = 0; i < 60; i++) {
            f.put("sessions[" + i + "].date", "2026-05-" + String.format("%02d", 4 + i / 6));
            f.put("sessions[" + i + "].startTime", String.format("%02d:00", 8 + i % 6));
            f.put("sessions[" + i + "].endTime", String.format("%02d:45", 8 + i % 6));
            f.put("sessions[" + i + "].topic", "Materi ke-" + (i + 1) + " tentang pengadaan barang dan jasa pemerintah");
            f.put("sessions[" + i + "].jp", "1");
            f.put("sessions[" + i + "].facilitator", "Widyaiswara " + (i + 1));
            f.put("sessions[" + i + "].facilitatorRole", "WIDYAISWARA");
        }
        for (int i = 0; i < 25; i++) {
            f.put("components[" + i + "].name", "Komponen " + (i + 1));
            f.put("components[" + i + "].weight", "4");
        }
        assertThat(f).hasSizeGreaterThan(400);
        Api.Res created = browser.post("/kegiatan/baru", f);
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String location = created.raw().getHeaders().get("Location");
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        Map<String, Object> event = operator.get("/api/events/" + id).map();
        assertThat((List<?>) event.get("sessions")).hasSize(60);
        assertThat((List<?>) event.get("components")).hasSize(25);

        Document edit = Jsoup.parse(browser.get("/kegiatan/" + id + "/ubah").body());
        Map<String, String> unchanged = Browser.fields(edit, "#event-form");
        unchanged.put("title", "Pelatihan Pengadaan Barang/Jasa Angkatan III");
        Api.Res saved = browser.post("/kegiatan/" + id + "/ubah", unchanged);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        Map<String, Object> after = operator.get("/api/events/" + id).map();
        assertThat(after.get("title")).isEqualTo("Pelatihan Pengadaan Barang/Jasa Angkatan III");
        assertThat((List<?>) after.get("sessions")).hasSize(60);
    }

    @Test
    void aFormOverTheLimitAnswersAPageSayingNothingWasSaved() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        long count = events.count();
        Map<String, String> f = diklat(browser);
        for (int i = 0; i < 20_001; i++) {
            f.put("x" + i, "1");
        }
        Api.Res r = browser.post("/kegiatan/baru", f);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.raw().getContentType().map(Object::toString).orElse("")).startsWith("text/html");
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("[role=alert]").text()).contains("tidak disimpan").contains("tombol Kembali");
        assertThat(events.count()).isEqualTo(count);
    }

    @Test
    void editingKeepsEachSessionsIdentitySoItsAttendanceStays() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        String location = browser.post("/kegiatan/baru", diklat(browser)).raw().getHeaders().get("Location");
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        List<?> before = (List<?>) operator.get("/api/events/" + id).map().get("sessions");
        Document edit = Jsoup.parse(browser.get("/kegiatan/" + id + "/ubah").body());
        Map<String, String> form = Browser.fields(edit, "#event-form");
        form.put("title", "Pelatihan Pengadaan Barang/Jasa Angkatan II");
        form.put("sessions[1].jp", "5");
        Api.Res saved = browser.post("/kegiatan/" + id + "/ubah", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        Map<String, Object> after = operator.get("/api/events/" + id).map();
        assertThat(after.get("title")).isEqualTo("Pelatihan Pengadaan Barang/Jasa Angkatan II");
        assertThat(after.get("totalJp")).isEqualTo(9);
        assertThat(((Map<?, ?>) ((List<?>) after.get("sessions")).get(1)).get("id")).isEqualTo(((Map<?, ?>) before.get(1)).get("id"));
    }

    @Test
    void problemsAreShownAtTheirFieldsWithTheInputKeptAndNothingSaved() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        long count = events.count();
        Map<String, String> f = diklat(browser);
        f.put("endDate", "2026-05-01");
        f.put("sessions[2].jp", "lima");
        f.put("components[1].weight", "70");
        Api.Res r = browser.post("/kegiatan/baru", f);
        assertThat(r.status()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("#problems[role=alert]")).isNotNull();
        // the blank row was dropped, so the second session is row 1 on the page and in the message
        assertThat(doc.selectFirst("[id=sessions[1].jp]").val()).isEqualTo("lima");
        assertThat(doc.selectFirst("[id=sessions[1].jp]").attr("aria-invalid")).isEqualTo("true");
        // the message sits on its own row right below the inputs, across the whole row, led by its column and row number
        var message = doc.selectFirst("[id=sessions[1].jp-error]");
        assertThat(message.text()).startsWith("JP 2: Nilai tidak dapat dibaca");
        assertThat(message.parent().attr("colspan")).isEqualTo("10");
        assertThat(message.parent().parent().hasClass("row-errors")).isTrue();
        assertThat(message.parent().parent().previousElementSibling().selectFirst("[id=sessions[1].jp]")).isNotNull();
        assertThat(doc.selectFirst("[id=sessions[1].jp]").attr("aria-describedby")).isEqualTo("sessions[1].jp-error");
        assertThat(doc.selectFirst("#title").val()).isEqualTo("Pelatihan Pengadaan <Barang/Jasa>");
        assertThat(events.count()).isEqualTo(count);

        f.put("sessions[2].jp", "6");
        Document rules = Jsoup.parse(browser.post("/kegiatan/baru", f).body());
        assertThat(rules.selectFirst("#endDate-error").text()).isEqualTo("Tanggal selesai sebelum tanggal mulai.");
        assertThat(rules.select("#problems a[href=#components]")).hasSize(1);
        assertThat(rules.select("#problems li").eachText()).anyMatch(t -> t.contains("90"));
        assertThat(events.count()).isEqualTo(count);
    }

    @Test
    void aBimtekCarryingAssessmentIsRefusedAtTheComponentsAndTheFormSpeaksEnglishOnRequest() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        browser.get("/bahasa/en");
        Map<String, String> f = diklat(browser);
        f.put("kind", "BIMTEK");
        f.put("track", "");
        Api.Res r = browser.post("/kegiatan/baru", f);
        assertThat(r.status()).isEqualTo(422);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("label[for=startDate]").text()).isEqualTo("Start date");
        assertThat(doc.selectFirst("label[for=certificate.signatory.position]").text()).isEqualTo("Signatory's position");
        assertThat(doc.select("p.hint").eachText()).anyMatch(t -> t.startsWith("Tokens: {seq:4} counter"));
        assertThat(doc.select("#problems li").eachText()).anyMatch(t -> t.toLowerCase().contains("bimtek"));
    }

    @Test
    void aNewEventStartsWithTheOrganiserPlaceAndSignatoryOfTheMostRecentEventOfItsOrganiser() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Map<String, String> first = diklat(browser);
        first.put("code", "PBJ-BAWAAN");
        first.put("certificate.signatory.prefix", "a.n.");
        first.put("certificate.signatory.office", "Kepala BPSDM Provinsi Jawa Timur");
        first.put("certificate.signatory.position", "Sekretaris");
        first.put("certificate.signatory.pangkat", "Pembina Tingkat I");
        first.put("certificate.signatory.golongan", "IV/b");
        assertThat(browser.post("/kegiatan/baru", first).status()).isEqualTo(303);

        Document blank = Jsoup.parse(browser.get("/kegiatan/baru?jenis=BIMTEK").body());
        Map<String, String> prefilled = Browser.fields(blank, "#event-form");
        assertThat(prefilled).containsEntry("organiser", "BPSDM Provinsi Jawa Timur").containsEntry("place", "Surabaya")
                .containsEntry("certificate.signatory.prefix", "a.n.")
                .containsEntry("certificate.signatory.office", "Kepala BPSDM Provinsi Jawa Timur")
                .containsEntry("certificate.signatory.position", "Sekretaris")
                .containsEntry("certificate.signatory.name", "Dr. Hadi Prasetyo, M.Si.")
                .containsEntry("certificate.signatory.pangkat", "Pembina Tingkat I")
                .containsEntry("certificate.signatory.golongan", "IV/b")
                .containsEntry("certificate.signatory.nip", "197105121996031002")
                .containsEntry("kind", "BIMTEK").containsEntry("title", "").containsEntry("sessions[0].topic", "");
        assertThat(blank.selectFirst("#defaults").text()).contains("Pelatihan Pengadaan <Barang/Jasa>");

        // another organiser's event, created later: the newest event leads, and the first organiser's stays one choice away
        Map<String, String> other = diklat(browser);
        other.put("title", "Pelatihan Kepemimpinan");
        other.put("code", "PKA-1");
        other.put("organiser", "Balai Diklat Malang");
        other.put("place", "Malang");
        other.put("certificate.signatory.name", "Ir. Sri Wahyuni, M.T.");
        assertThat(browser.post("/kegiatan/baru", other).status()).isEqualTo(303);
        Document latest = Jsoup.parse(browser.get("/kegiatan/baru").body());
        assertThat(Browser.fields(latest, "#event-form")).containsEntry("organiser", "Balai Diklat Malang").containsEntry("place", "Malang")
                .containsEntry("certificate.signatory.name", "Ir. Sri Wahyuni, M.T.");
        assertThat(latest.select("#defaults-from select option").eachAttr("value")).contains("BPSDM Provinsi Jawa Timur", "Balai Diklat Malang");
        Document chosen = Jsoup.parse(browser.get("/kegiatan/baru?penyelenggara=bpsdm+provinsi+jawa+timur").body());
        assertThat(Browser.fields(chosen, "#event-form")).containsEntry("organiser", "BPSDM Provinsi Jawa Timur").containsEntry("place", "Surabaya")
                .containsEntry("certificate.signatory.name", "Dr. Hadi Prasetyo, M.Si.").containsEntry("certificate.signatory.pangkat", "Pembina Tingkat I");
        // an organiser with no event yet: the most recent event's
        assertThat(Browser.fields(Jsoup.parse(browser.get("/kegiatan/baru?penyelenggara=Pusdiklat+Baru").body()), "#event-form"))
                .containsEntry("organiser", "Balai Diklat Malang");
    }

    @Test
    void theTopicIsTheWidestSessionColumn() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document form = Jsoup.parse(browser.get("/kegiatan/baru").body());
        assertThat(form.selectFirst("[id=sessions[0].topic]").parent().hasClass("topic")).isTrue();
        String css = anonymous.send(io.micronaut.http.HttpRequest.GET(form.selectFirst("link[rel=stylesheet]").attr("href"))).body();
        // 16rem = 256 px at the default font size (the browser test measures it at 1366 px)
        assertThat(css).containsPattern("#sessions table\\.grid td\\.topic input\\s*\\{[^}]*min-width:\\s*16rem");
    }

    @Test
    void theListFindsEventsAndOnlyTheSecretariatMayUseThesePages() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        String location = browser.post("/kegiatan/baru", diklat(browser)).raw().getHeaders().get("Location");
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
        Document list = Jsoup.parse(browser.get("/kegiatan?q=pbj-7").body());
        assertThat(list.selectFirst("#events tr[data-event=" + id + "] a").attr("href")).isEqualTo("/kegiatan/" + id);

        Map<String, String> noToken = diklat(browser);
        noToken.remove("_csrf");
        assertThat(browser.post("/kegiatan/baru", noToken).status()).isEqualTo(403);
        Api.Res anon = new Browser(anonymous).get("/kegiatan/baru");
        assertThat(anon.status()).isEqualTo(303);
        assertThat(anon.raw().getHeaders().get("Location")).startsWith("/masuk");
    }
}
