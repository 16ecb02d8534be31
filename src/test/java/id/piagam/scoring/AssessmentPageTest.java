package id.piagam.scoring;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AssessmentPageTest extends ApiTest {

    private static List<Long> componentIds(Api api, long eventId) {
        return ((List<?>) api.get("/api/events/" + eventId).map().get("components")).stream()
                .map(c -> ((Number) ((Map<?, ?>) c).get("id")).longValue()).toList();
    }

    @Test
    void scoresAreSavedTogetherAndTheFinalScoreAndKualifikasiShown() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long eka = s.attending(984, "Eka Putri");
        long fajar = s.attending(985, "Fajar Nugroho");
        List<Long> comps = componentIds(operator, s.eventId);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document grid = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/nilai").body());
        assertThat(grid.select("#scores thead th[data-weight]").eachAttr("data-weight")).containsExactly("20.00", "80.00");
        assertThat(grid.select("#bands li")).isNotEmpty();
        assertThat(grid.selectFirst("#scores").attr("data-pass-mark")).isNotBlank();

        Api.Res saved = browser.post("/kegiatan/" + s.eventId + "/nilai", Map.of("_csrf", browser.csrf(),
                "n" + eka + "." + comps.get(0), "90", "n" + eka + "." + comps.get(1), "85,5",
                "n" + fajar + "." + comps.get(0), "70"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        Document after = Jsoup.parse(browser.get(saved.raw().getHeaders().get("Location")).body());
        assertThat(after.selectFirst("[role=status]").text()).isEqualTo("Nilai tersimpan.");
        // 90 × 20% + 85.5 × 80% = 86.40
        assertThat(after.selectFirst("#scores tr[data-participant=" + eka + "] output.final").text()).isEqualTo("86,40");
        assertThat(after.selectFirst("#scores tr[data-participant=" + eka + "] output.band").text()).isNotBlank();
        assertThat(after.selectFirst("#scores tr[data-participant=" + fajar + "] output.final").text()).isEqualTo("–");
        // shown back as the reader writes it: a decimal comma on Indonesian pages, a point in English
        assertThat(after.getElementById("n" + eka + "." + comps.get(1)).val()).isEqualTo("85,5");
        assertThat(after.getElementById("n" + eka + "." + comps.get(0)).val()).isEqualTo("90");
        // the page reads back what it shows: saving it unchanged keeps 85.5
        Api.Res again = browser.post("/kegiatan/" + s.eventId + "/nilai", Map.of("_csrf", browser.csrf(),
                "n" + eka + "." + comps.get(0), "90", "n" + eka + "." + comps.get(1), "85,5", "n" + fajar + "." + comps.get(0), "70"));
        assertThat(again.status()).as(again.body()).isEqualTo(303);
        browser.get("/bahasa/en");
        Document english = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/nilai").body());
        assertThat(english.getElementById("n" + eka + "." + comps.get(1)).val()).isEqualTo("85.5");
        assertThat(english.selectFirst("#scores tr[data-participant=" + eka + "] output.final").text()).isEqualTo("86.40");
        browser.get("/bahasa/id");

        Map<String, Object> api = operator.get("/api/events/" + s.eventId + "/assessments").list().stream()
                .filter(a -> ((Number) a.get("participantId")).longValue() == eka).findFirst().orElseThrow();
        assertThat(api.get("finalScore")).isEqualTo(86.4);
    }

    @Test
    void oneBadCellSavesNothingAndIsMarked() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long gita = s.attending(986, "Gita Rahma");
        List<Long> comps = componentIds(operator, s.eventId);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        String bad = "n" + gita + "." + comps.get(1);
        Api.Res r = browser.post("/kegiatan/" + s.eventId + "/nilai", Map.of("_csrf", browser.csrf(),
                "n" + gita + "." + comps.get(0), "80", bad, "101"));
        assertThat(r.status()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.getElementById(bad).attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.getElementById(bad).val()).isEqualTo("101");
        assertThat(doc.getElementById(bad + "-error")).isNotNull();
        // the message names the row, at the cell and in the list at the top; no saved result beside typed values
        assertThat(doc.getElementById(bad + "-error").text()).startsWith("Gita Rahma, S.Kom., Ujian:");
        assertThat(doc.select("#problems li").eachText()).anyMatch(t -> t.startsWith("Gita Rahma, S.Kom., Ujian:"));
        assertThat(doc.getElementById("n" + gita + "." + comps.get(0)).val()).isEqualTo("80");
        assertThat(doc.select("#scores output.band").eachText()).noneMatch(t -> t.equals("Belum dinilai"));
        Map<?, ?> scores = (Map<?, ?>) operator.get("/api/events/" + s.eventId + "/assessments").list().get(0).get("scores");
        assertThat(scores).isEmpty();
    }

    @Test
    void aGridOfThreeHundredParticipantsBySixComponentsSavesFromThePage() {
        List<Map<String, Object>> six = List.of(Map.of("name", "Sikap", "weight", 10), Map.of("name", "Tugas", "weight", 10),
                Map.of("name", "Seminar", "weight", 20), Map.of("name", "Studi kasus", "weight", 20),
                Map.of("name", "Praktik", "weight", 20), Map.of("name", "Ujian", "weight", 20));
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("components", six));
        for (int i = 0; i < 300; i++) {
            s.absent(3000 + i, Fixtures.name(3000 + i));
        }
        List<Long> comps = componentIds(operator, s.eventId);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document grid = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/nilai").body());
        Map<String, String> form = new java.util.HashMap<>();
        grid.select("#scores input").forEach(in -> form.put(in.attr("name"), "80"));
        assertThat(form).hasSize(1800);
        form.put("_csrf", browser.csrf());
        Api.Res saved = browser.post("/kegiatan/" + s.eventId + "/nilai", form);
        assertThat(saved.status()).as(saved.body().substring(0, Math.min(500, saved.body().length()))).isEqualTo(303);
        List<Map<String, Object>> all = operator.get("/api/events/" + s.eventId + "/assessments").list();
        assertThat(all).hasSize(300).allSatisfy(a -> assertThat(a.get("finalScore")).isEqualTo(80.0));
        assertThat(comps).hasSize(6);
    }

    @Test
    void thePassMarkWeightsAndGradeBandsPrintIndonesianDecimals() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("components",
                List.of(Map.of("name", "Sikap", "weight", 12.5), Map.of("name", "Ujian", "weight", 87.5))));
        s.absent(990, "Hana Pertiwi");
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Document grid = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/nilai").body());
        assertThat(grid.selectFirst("p.hint").text()).matches(".*Batas lulus: \\d+(,\\d+)?\\.$");
        assertThat(grid.select("#scores thead th[data-weight]").eachText()).containsExactly("Sikap (12,5%)", "Ujian (87,5%)");
        Document scales = Jsoup.parse(browser.get("/admin/skala-nilai").body());
        assertThat(scales.select("td.num").eachText()).contains("90,01").noneMatch(t -> t.matches("\\d+\\.\\d+"));
        browser.get("/bahasa/en");
        assertThat(Jsoup.parse(browser.get("/admin/skala-nilai").body()).select("td.num").eachText()).contains("90.01");
    }

    @Test
    void aBimtekHasNoScoreGrid() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res r = browser.get("/kegiatan/" + s.eventId + "/nilai");
        assertThat(r.status()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).text()).contains("Bimtek");
    }

    @Test
    void theScoresGridListsNamesAsWrittenInIndonesianOrder() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        Map<String, Object> ratna = Fixtures.aPns(973, "Ratna Sari");
        ratna.put("frontTitle", "dr.");
        s.attending(974, "Yusuf Maulana");
        s.attending(ratna);
        s.attending(975, "Bayu Setiawan");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document grid = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/nilai").body());
        assertThat(grid.select("#scores tbody th[scope=row]").eachText())
                .containsExactly("Bayu Setiawan, S.Kom.", "dr. Ratna Sari, S.Kom.", "Yusuf Maulana, S.Kom.");
    }
}
