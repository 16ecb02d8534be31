package id.piagam.attendance;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
// the 12,000-cell grid on a busy shared machine: a page and a save may take longer than the client's default 10 s
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
class AttendancePageTest extends ApiTest {

    @Inject
    AttendanceRepository attendance;

    private Map<String, Object> line(Scenario s, long session, long participant) {
        return operator.get("/api/events/" + s.eventId + "/sessions/" + session + "/attendance").list().stream()
                .filter(l -> ((Number) l.get("participantId")).longValue() == participant).findFirst().orElseThrow();
    }

    private Object status(Scenario s, long session, long participant) {
        return line(s, session, participant).get("status");
    }

    private static String cell(long session, long participant) {
        return "s" + session + ".p" + participant;
    }

    @Test
    void oneSaveRecordsTheChangedCellsOfEverySessionAndLeavesTheOthersAlone() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(4, 4, 4));
        long ani = s.absent(980, "Ani Lestari");
        long budi = s.absent(981, "Budi Santoso");
        long first = s.sessionIds.get(0);
        long second = s.sessionIds.get(1);
        long third = s.sessionIds.get(2);
        // recorded earlier by the administrator: a save from the page that does not change it leaves it as it was
        admin.put("/api/events/" + s.eventId + "/sessions/" + third + "/attendance", List.of(Map.of("participantId", ani, "status", "IZIN")));
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document grid = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/kehadiran").body());
        assertThat(grid.select("#attendance tbody tr")).hasSize(2);
        assertThat(grid.select("form")).filteredOn(f -> !f.select("select").isEmpty()).as("one form holds the whole grid").hasSize(1);
        assertThat(grid.select("#attendance-form select")).hasSize(6);
        assertThat(grid.select("#attendance-form input[name=_csrf]")).hasSize(1);
        var select = grid.getElementById(cell(first, ani));
        assertThat(select.attr("aria-label")).isEqualTo("Ani Lestari, S.Kom., sesi 1");
        assertThat(select.select("option").eachText()).containsExactly("–", "H – Hadir", "T – Terlambat", "I – Izin", "S – Sakit", "A – Alpa");
        assertThat(grid.selectFirst("#attendance-form button[type=submit]").text()).as("the first button, the one Enter uses, saves").isEqualTo("Simpan semua");

        // typed in session 2, then in session 1, then saved: both columns are kept
        Map<String, String> form = Browser.fields(grid, "#attendance-form");
        form.put(cell(second, ani), "TERLAMBAT");
        form.put(cell(second, budi), "ALPA");
        form.put(cell(first, ani), "HADIR");
        form.put(cell(first, budi), "SAKIT");
        Api.Res saved = browser.post("/kegiatan/" + s.eventId + "/kehadiran", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.raw().getHeaders().get("Location")).isEqualTo("/kegiatan/" + s.eventId + "/kehadiran?tersimpan=4");
        assertThat(status(s, first, ani)).isEqualTo("HADIR");
        assertThat(status(s, first, budi)).isEqualTo("SAKIT");
        assertThat(status(s, second, ani)).isEqualTo("TERLAMBAT");
        assertThat(status(s, second, budi)).isEqualTo("ALPA");
        assertThat(line(s, third, ani)).containsEntry("status", "IZIN").containsEntry("recordedBy", "admin");
        assertThat(status(s, third, budi)).isNull();

        Document after = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/kehadiran?tersimpan=4").body());
        assertThat(after.selectFirst("[role=status]").text()).isEqualTo("Kehadiran tersimpan: 4 sel diubah.");
        assertThat(after.select("#attendance tr[data-participant=" + ani + "] td").last().text()).isEqualTo("66,66%");
        assertThat(after.select("#attendance tr[data-participant=" + budi + "] td").last().text()).isEqualTo("0,00%");
        assertThat(after.getElementById(cell(first, budi)).selectFirst("option[selected]").val()).isEqualTo("SAKIT");
    }

    @Test
    void fillEmptyPresentFillsOnlyItsColumnAndKeepsWhatWasChosen() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(4, 4));
        long ani = s.absent(984, "Eka Putri");
        long budi = s.absent(985, "Fajar Nugraha");
        long first = s.sessionIds.get(0);
        long second = s.sessionIds.get(1);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Map<String, String> form = Browser.fields(Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/kehadiran").body()), "#attendance-form");
        form.put(cell(second, budi), "ALPA");
        form.put(cell(first, ani), "SAKIT");
        form.put("semuaHadir", String.valueOf(second));
        Api.Res saved = browser.post("/kegiatan/" + s.eventId + "/kehadiran", form);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.raw().getHeaders().get("Location")).endsWith("?tersimpan=3#sesi-" + second);
        assertThat(status(s, second, ani)).isEqualTo("HADIR");
        assertThat(status(s, second, budi)).isEqualTo("ALPA");
        assertThat(status(s, first, ani)).isEqualTo("SAKIT");
        assertThat(status(s, first, budi)).as("another column's empty cells stay empty").isNull();
    }

    @Test
    void aRefusedCellSavesNothingAndNamesItsParticipantAndSession() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(4, 4));
        long citra = s.absent(982, "Citra Dewi");
        long dodi = s.absent(983, "Dodi Pratama");
        long first = s.sessionIds.get(0);
        long second = s.sessionIds.get(1);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Map<String, String> form = new HashMap<>(Map.of("_csrf", browser.csrf(), cell(first, citra), "HADIR", cell(second, dodi), "LIBUR"));
        Api.Res r = browser.post("/kegiatan/" + s.eventId + "/kehadiran", form);
        assertThat(r.status()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.getElementById(cell(second, dodi)).attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.getElementById(cell(second, dodi) + "-error").text())
                .isEqualTo("Dodi Pratama, S.Kom., sesi 2: Pilihan tidak dikenal; gunakan salah satu dari: HADIR, TERLAMBAT, IZIN, SAKIT, ALPA.");
        assertThat(doc.selectFirst("#problems a[href=#" + cell(second, dodi) + "]").text()).startsWith("Dodi Pratama, S.Kom., sesi 2: ");
        assertThat(status(s, first, citra)).as("nothing of the submit is saved").isNull();
        // what was typed is still there, marked as not saved yet (data-saved is what is stored)
        var kept = doc.getElementById(cell(first, citra));
        assertThat(kept.selectFirst("option[selected]").val()).isEqualTo("HADIR");
        assertThat(kept.hasAttr("data-saved")).as("nothing is stored for it").isFalse();
        assertThat(doc.getElementById("attendance-form").attr("data-refused")).isEqualTo("true");

        // a cell of another event's session is not this grid's
        Scenario other = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res foreign = browser.post("/kegiatan/" + s.eventId + "/kehadiran",
                Map.of("_csrf", browser.csrf(), cell(first, citra), "HADIR", cell(other.sessionIds.get(0), citra), "HADIR"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(Jsoup.parse(foreign.body()).selectFirst("#problems").text()).contains("bukan peserta atau sesi kegiatan ini");
        assertThat(status(s, first, citra)).isNull();
        assertThat(browser.post("/kegiatan/" + s.eventId + "/kehadiran", Map.of(cell(first, citra), "HADIR")).status()).isEqualTo(403);
        assertThat(status(s, first, citra)).isNull();
    }

    @Test
    void aSessionNotHeldYetRefusesTheWholeSaveNamingEachCell() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        List<Map<String, Object>> sessions = List.of(
                new HashMap<>(Map.of("date", today.minusDays(1).toString(), "topic", "Kemarin", "jp", 4)),
                new HashMap<>(Map.of("date", today.plusDays(1).toString(), "topic", "Besok", "jp", 4)));
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("startDate", today.minusDays(1).toString())
                .with("endDate", today.plusDays(1).toString()).with("sessions", sessions));
        long gita = s.absent(986, "Gita Permata");
        long held = s.sessionIds.get(0);
        long future = s.sessionIds.get(1);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res r = browser.post("/kegiatan/" + s.eventId + "/kehadiran",
                Map.of("_csrf", browser.csrf(), cell(held, gita), "HADIR", cell(future, gita), "HADIR"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).getElementById(cell(future, gita) + "-error").text()).startsWith("Gita Permata, S.Kom., sesi 2: ");
        assertThat(status(s, held, gita)).as("all or nothing").isNull();
    }

    @Test
    void aGridOfThreeHundredParticipantsAndFortySessionsSavesFromThePage() {
        LocalDate start = LocalDate.of(2026, 3, 2);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sessions.add(new HashMap<>(Map.of("date", start.plusDays(i / 4).toString(), "topic", "Materi " + (i + 1), "jp", 2)));
        }
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("endDate", start.plusDays(9).toString()).with("sessions", sessions));
        for (int n = 0; n < 300; n++) {
            s.absent(2000 + n, Fixtures.name(n));
        }
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res page = browser.get("/kegiatan/" + s.eventId + "/kehadiran");
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = Browser.fields(Jsoup.parse(page.body()), "#attendance-form");
        assertThat(form).hasSize(12_001);
        form.replaceAll((k, v) -> k.equals("_csrf") ? v : "HADIR");
        Api.Res saved = browser.post("/kegiatan/" + s.eventId + "/kehadiran", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.raw().getHeaders().get("Location")).endsWith("?tersimpan=12000");
        assertThat(s.sessionIds.stream().mapToLong(id -> attendance.findBySessionId(id).size()).sum()).isEqualTo(12_000);
    }

    @Test
    void namesAreShownAsWrittenInIndonesianOrderIgnoringCase() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Map<String, Object> ratna = Fixtures.aPns(970, "Ratna Sari");
        ratna.put("frontTitle", "dr.");
        s.absent(971, "Yusuf Maulana");
        s.attending(ratna);
        s.absent(972, "Bayu Setiawan");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document grid = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/kehadiran").body());
        assertThat(grid.select("#attendance tbody th[scope=row]").eachText())
                .containsExactly("Bayu Setiawan, S.Kom.", "dr. Ratna Sari, S.Kom.", "Yusuf Maulana, S.Kom.");
        String css = anonymous.send(io.micronaut.http.HttpRequest.GET(grid.selectFirst("link[rel=stylesheet]").attr("href"))).body();
        assertThat(css).as("only column headings are set in capitals, never a person's name")
                .doesNotContainPattern("(^|[},\\s])th\\s*\\{[^}]*uppercase")
                .doesNotContainPattern("th\\[scope=row\\][^{]*\\{[^}]*uppercase")
                .containsPattern("th\\[scope=col\\]\\s*\\{[^}]*uppercase");
    }
}
