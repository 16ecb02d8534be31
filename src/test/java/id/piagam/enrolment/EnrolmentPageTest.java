package id.piagam.enrolment;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat sets a person's role and panitia function on a page, as the API does. */
@MicronautTest(transactional = false)
class EnrolmentPageTest extends ApiTest {

    private Map<String, Object> enrolment(long eventId, long person) {
        return operator.get("/api/events/" + eventId + "/enrolments/" + person).map();
    }

    @Test
    void theSecretariatMakesAPesertaASecretaryOfThePanitiaAndTheEventPageShowsIt() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long person = s.attending(4601, "Rina Panitia");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document event = Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body());
        String link = event.selectFirst("#p" + person + " a.change-role").attr("href");
        assertThat(link).isEqualTo("/kegiatan/" + s.eventId + "/peran/" + person);
        Document form = Jsoup.parse(browser.get(link).body());
        assertThat(form.selectFirst("#role option[selected]").text()).isEqualTo("Peserta");
        assertThat(form.select("#panitiaFunction option").eachText()).contains("Ketua", "Sekretaris", "Anggota");

        Map<String, String> fields = Browser.fields(form, "#role-form");
        fields.put("role", "PANITIA");
        fields.put("panitiaFunction", "SEKRETARIS");
        Api.Res saved = browser.post(link, fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(saved.raw().getHeaders().get("Location")).isEqualTo("/kegiatan/" + s.eventId + "?tersimpan=1#p" + person);
        assertThat(enrolment(s.eventId, person)).containsEntry("role", "PANITIA").containsEntry("panitiaFunction", "SEKRETARIS");
        assertThat(Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body()).selectFirst("#p" + person + " small.role").text())
                .isEqualTo("Panitia · Sekretaris");
        assertThat(Jsoup.parse(browser.get(link).body()).selectFirst("#panitiaFunction option[selected]").text()).isEqualTo("Sekretaris");

        // "none" clears the function; the person stays in the panitia
        fields.put("panitiaFunction", "");
        assertThat(browser.post(link, fields).status()).isEqualTo(303);
        assertThat(enrolment(s.eventId, person)).containsEntry("role", "PANITIA").doesNotContainKey("panitiaFunction");
    }

    @Test
    void aFunctionOutsideThePanitiaOrAnUnknownRoleIsRefusedAtItsFieldAndNothingChanges() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long person = s.attending(4602, "Sari Peserta");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        String link = "/kegiatan/" + s.eventId + "/peran/" + person;
        Map<String, String> fields = Browser.fields(Jsoup.parse(browser.get(link).body()), "#role-form");
        fields.put("role", "NARASUMBER");
        fields.put("panitiaFunction", "KETUA");
        Api.Res refused = browser.post(link, fields);
        assertThat(refused.status()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#panitiaFunction-error").text()).isEqualTo("Jabatan kepanitiaan hanya untuk peran panitia.");
        assertThat(page.selectFirst("#role option[selected]").val()).isEqualTo("NARASUMBER");

        fields.put("role", "KEPALA");
        fields.put("panitiaFunction", "");
        Api.Res unknown = browser.post(link, fields);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.body()).selectFirst("#role-error")).isNotNull();
        assertThat(enrolment(s.eventId, person)).containsEntry("role", "PESERTA").doesNotContainKey("panitiaFunction");
        assertThat(browser.get("/kegiatan/" + s.eventId + "/peran/999999").status()).isEqualTo(404);
    }
}
