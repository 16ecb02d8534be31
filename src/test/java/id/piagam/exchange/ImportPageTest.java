package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.participant.ParticipantRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.Sheets;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ImportPageTest extends ApiTest {

    @Inject
    ParticipantRepository participants;
    @Inject
    EnrolmentRepository enrolments;

    private static Api.Res upload(Browser browser, long eventId, String csrf, String fileName, byte[] bytes) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (csrf != null) {
            body.addPart("_csrf", csrf);
        }
        if (bytes != null) {
            body.addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes);
        }
        return browser.send(HttpRequest.POST("/kegiatan/" + eventId + "/impor", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    @Test
    void previewThenConfirmImportsTheValidRowsAndMatchesKnownPeople() throws IOException {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        Map<String, Object> known = Fixtures.aPns(990, "Hendra Gunawan");
        long knownId = operator.post("/api/participants", known).id();
        Map<String, Object> fresh = Fixtures.aPns(991, "Indah Permata");
        byte[] file = Sheets.xlsx(List.of(
                List.of("Nama Lengkap", "NIP", "Kategori", "Instansi", "Catatan"),
                List.of("Indah Permata", (String) fresh.get("nip"), "PNS", "Pemkab Bangkalan", "baru"),
                List.of("Hendra Gunawan", (String) known.get("nip"), "PNS", "Pemkab Bangkalan", ""),
                List.of("Joko Susilo", "19750101199413100", "PNS", "Pemkab Bangkalan", "")));
        long people = participants.count();
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document pick = Jsoup.parse(browser.get("/kegiatan/" + eventId + "/impor").body());
        assertThat(pick.selectFirst("a[href=/api/imports/template.xlsx]")).isNotNull();
        assertThat(pick.selectFirst("form#upload").attr("enctype")).isEqualTo("multipart/form-data");

        Api.Res preview = upload(browser, eventId, browser.csrf(), "daftar.xlsx", file);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document doc = Jsoup.parse(preview.body());
        assertThat(doc.select("#rows tbody tr").eachAttr("data-status")).containsExactly("NEW", "MATCHED", "INVALID");
        assertThat(doc.selectFirst("#rows tr[data-row=4] td:last-child").text()).contains("NIP");
        assertThat(doc.select("#columns tbody tr td:nth-child(2)").eachText()).contains("Nama Lengkap", "NIP");
        assertThat(doc.selectFirst("#unrecognised").text()).contains("Catatan");
        assertThat(doc.select("#confirm button").eachAttr("value")).containsExactly("VALID_ONLY");
        assertThat(enrolments.countByEventId(eventId)).as("a preview writes nothing").isZero();
        String action = doc.selectFirst("#confirm form").attr("action");

        // another user cannot use this upload, and "import all" is refused while rows are wrong
        Browser admin = new Browser(anonymous).signIn("admin", "test-admin-secret");
        assertThat(admin.post(action, Map.of("_csrf", admin.csrf(), "mode", "VALID_ONLY")).status()).isEqualTo(410);
        Api.Res all = browser.post(action, Map.of("_csrf", browser.csrf(), "mode", "ALL"));
        assertThat(all.status()).isEqualTo(422);
        assertThat(Jsoup.parse(all.body()).selectFirst("[role=alert]").text()).contains("Impor ditolak");
        assertThat(enrolments.countByEventId(eventId)).isZero();

        Api.Res done = browser.post(action, Map.of("_csrf", browser.csrf(), "mode", "VALID_ONLY"));
        assertThat(done.status()).isEqualTo(200);
        Document result = Jsoup.parse(done.body());
        assertThat(result.selectFirst("h1").text()).startsWith("Impor selesai");
        assertThat(enrolments.countByEventId(eventId)).isEqualTo(2);
        assertThat(participants.count()).as("the known person is matched, not duplicated").isEqualTo(people + 1);
        assertThat(enrolments.findByEventIdAndParticipantId(eventId, knownId)).isPresent();
        assertThat(browser.post(action, Map.of("_csrf", browser.csrf(), "mode", "VALID_ONLY")).status()).as("once only").isEqualTo(410);
    }

    @Test
    void aMissingOrWrongFileIsExplainedAtTheFilePicker() {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res none = upload(browser, eventId, browser.csrf(), null, null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(Jsoup.parse(none.body()).selectFirst("#file-error").text()).isEqualTo("Pilih berkas XLSX atau CSV lebih dulu.");
        Api.Res pdf = upload(browser, eventId, browser.csrf(), "daftar.pdf", "%PDF-1.4".getBytes());
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(Jsoup.parse(pdf.body()).selectFirst("#file-error").text()).isEqualTo("Unggah berkas .xlsx atau .csv.");
        Api.Res fake = upload(browser, eventId, browser.csrf(), "daftar.xlsx", "Nama\nBudi".getBytes());
        assertThat(Jsoup.parse(fake.body()).selectFirst("#file-error").text()).isEqualTo("Berkas ini bukan XLSX meskipun namanya .xlsx.");
        assertThat(upload(browser, eventId, "palsu", "daftar.csv", "Nama\nBudi".getBytes()).status()).isEqualTo(403);
        assertThat(enrolments.countByEventId(eventId)).isZero();
    }

    @Test
    void thePreviewLeadsWithTheResultsAndFoldsTheColumnMapping() throws IOException {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        Map<String, Object> fresh = Fixtures.aPns(992, "Lestari Handayani");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res preview = upload(browser, eventId, browser.csrf(), "daftar.xlsx", Sheets.xlsx(List.of(
                List.of("Nama Lengkap", "NIP", "Kategori", "Instansi"),
                List.of("Lestari Handayani", (String) fresh.get("nip"), "PNS", "Pemkab Bangkalan"))));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Document doc = Jsoup.parse(preview.body());
        List<String> order = doc.select("#summary, #confirm, #rows, #mapping").eachAttr("id");
        assertThat(order).containsExactly("summary", "confirm", "rows", "mapping");
        var mapping = doc.selectFirst("details#mapping");
        assertThat(mapping.hasAttr("open")).as("folded until asked for").isFalse();
        assertThat(mapping.selectFirst("summary").text()).isEqualTo("Kolom yang dikenali (4)");
        assertThat(mapping.select("#columns tbody tr")).hasSize(4);
    }

    @Test
    void theUntouchedTemplateIsRefusedAtTheFilePickerAsAnEmptyList() {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res template = browser.get("/api/imports/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        byte[] bytes = httpClient.toBlocking().retrieve(HttpRequest.GET("/api/imports/template.xlsx")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
        Api.Res refused = upload(browser, eventId, browser.csrf(), "templat-peserta.xlsx", bytes);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#file-error").text()).startsWith("Lembar Peserta belum berisi peserta");
        assertThat(enrolments.countByEventId(eventId)).isZero();
    }
}
