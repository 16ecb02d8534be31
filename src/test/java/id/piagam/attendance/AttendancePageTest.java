package id.piagam.attendance;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AttendancePageTest extends ApiTest {

    private Map<String, Object> status(Scenario s, long session, long participant) {
        return operator.get("/api/events/" + s.eventId + "/sessions/" + session + "/attendance").list().stream()
                .filter(l -> ((Number) l.get("participantId")).longValue() == participant).findFirst().orElseThrow();
    }

    @Test
    void eachSessionColumnIsSavedOnItsOwnAndTheRateFollows() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(4, 4));
        long ani = s.absent(980, "Ani Lestari");
        long budi = s.absent(981, "Budi Santoso");
        long first = s.sessionIds.get(0);
        long second = s.sessionIds.get(1);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document grid = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/kehadiran").body());
        assertThat(grid.select("#attendance tbody tr")).hasSize(2);
        var cell = grid.selectFirst("#attendance tr[data-participant=" + ani + "] select");
        assertThat(cell.attr("form")).isEqualTo("s-" + first);
        assertThat(cell.attr("aria-label")).isEqualTo("Ani Lestari, S.Kom., sesi 1");
        assertThat(cell.select("option").eachText()).containsExactly("–", "H – Hadir", "T – Terlambat", "I – Izin", "S – Sakit", "A – Alpa");
        assertThat(grid.select("form#s-" + second + " input[name=_csrf]")).hasSize(1);

        Api.Res saved = browser.post("/kegiatan/" + s.eventId + "/kehadiran/" + first,
                Map.of("_csrf", browser.csrf(), "p" + ani, "HADIR", "p" + budi, "SAKIT"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.raw().getHeaders().get("Location")).isEqualTo("/kegiatan/" + s.eventId + "/kehadiran?tersimpan=" + first + "#sesi-" + first);
        assertThat(status(s, first, ani).get("status")).isEqualTo("HADIR");
        assertThat(status(s, first, budi).get("status")).isEqualTo("SAKIT");
        assertThat(status(s, second, ani).get("status")).as("the other session is untouched").isNull();

        // "fill empty: present" marks the empty cells and keeps what was chosen
        browser.post("/kegiatan/" + s.eventId + "/kehadiran/" + second,
                Map.of("_csrf", browser.csrf(), "p" + budi, "ALPA", "semuaHadir", "1"));
        assertThat(status(s, second, ani).get("status")).isEqualTo("HADIR");
        assertThat(status(s, second, budi).get("status")).isEqualTo("ALPA");

        Document after = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/kehadiran?tersimpan=" + second).body());
        assertThat(after.selectFirst("[role=status]").text()).isEqualTo("Kehadiran sesi tersimpan.");
        assertThat(after.select("#attendance tr[data-participant=" + ani + "] td").last().text()).isEqualTo("100,00%");
        assertThat(after.select("#attendance tr[data-participant=" + budi + "] td").last().text()).isEqualTo("0,00%");
        assertThat(after.selectFirst("#attendance tr[data-participant=" + budi + "] select option[selected]").val()).isEqualTo("SAKIT");
    }

    @Test
    void anUnknownStatusSavesNothingAndIsShownAtItsCell() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long ani = s.absent(982, "Citra Dewi");
        long dodi = s.absent(983, "Dodi Pratama");
        long first = s.sessionIds.get(0);
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Map<String, String> form = new HashMap<>(Map.of("_csrf", browser.csrf(), "p" + ani, "HADIR", "p" + dodi, "LIBUR"));
        Api.Res r = browser.post("/kegiatan/" + s.eventId + "/kehadiran/" + first, form);
        assertThat(r.status()).isEqualTo(400);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.getElementById(first + ":p" + dodi).attr("aria-invalid")).isEqualTo("true");
        assertThat(doc.selectFirst("#problems").text()).contains("HADIR, TERLAMBAT, IZIN, SAKIT, ALPA");
        assertThat(status(s, first, ani).get("status")).isNull();

        // a session of another event is not this event's
        Scenario other = Scenario.of(operator, Fixtures.aBimtek());
        assertThat(browser.post("/kegiatan/" + s.eventId + "/kehadiran/" + other.sessionIds.get(0),
                Map.of("_csrf", browser.csrf(), "p" + ani, "HADIR")).status()).isEqualTo(404);
        assertThat(browser.post("/kegiatan/" + s.eventId + "/kehadiran/" + first, Map.of("p" + ani, "HADIR")).status()).isEqualTo(403);
        assertThat(status(s, first, ani).get("status")).isNull();
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
