package id.piagam.enrolment;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Single fields of the printed identity are corrected, audited, and a reissue prints them; nothing else moves. */
@MicronautTest(transactional = false)
class IdentityCorrectionTest extends ApiTest {

    private byte[] pdf(long certificateId) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    @Test
    void aMisspeltNameIsCorrectedAloneAndTheReissueKeepsTheGolonganOfTheTimeOfTheEvent() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        Map<String, Object> person = Fixtures.aPns(701, "Dewi Lestar");
        person.put("golongan", "III/c");
        long p = s.attending(person);
        s.scored(p, 85, 90);
        long first = s.issue(p).id();
        // a later promotion: the person is III/d now, the Diklat was at III/c
        person.put("golongan", "III/d");
        person.put("fullName", "Dewi Lestari");
        assertThat(operator.put("/api/participants/" + p, person).status()).isEqualTo(200);

        String path = "/api/events/" + s.eventId + "/enrolments/" + p + "/identity";
        Api.Res corrected = operator.put(path, Map.of("printedName", "Dewi Lestari, S.Kom."));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.get("printedName")).isEqualTo("Dewi Lestari, S.Kom.");
        assertThat(corrected.get("golongan")).isEqualTo("III/c");

        List<Map<String, Object>> history = operator.get(path + "/corrections").list();
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("actor", "operator").containsEntry("field", "printedName")
                .containsEntry("oldValue", "Dewi Lestar, S.Kom.").containsEntry("newValue", "Dewi Lestari, S.Kom.").containsKey("at");

        Api.Res reissued = admin.post("/api/certificates/" + first + "/reissue", Map.of("reason", "salah ketik nama"));
        assertThat(reissued.status()).as(reissued.body()).isIn(200, 201);
        String text = PdfChecks.text(pdf(reissued.id()), 1);
        assertThat(text).contains("Dewi Lestari, S.Kom.").contains("Penata (III/c)").doesNotContain("III/d").doesNotContain("Dewi Lestar,");
    }

    @Test
    void aWrongCorrectionNamesItsFieldAndChangesNothing() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(702, "Rahmat Hidayat");
        String path = "/api/events/" + s.eventId + "/enrolments/" + p + "/identity";
        Map<String, Object> before = operator.get("/api/events/" + s.eventId + "/enrolments/" + p).map();

        Api.Res bad = operator.put(path, Map.of("printedName", " ", "nip", "12345", "golongan", "V/a", "jabatan", "Analis"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("printedName", "nip", "golongan");
        Api.Res noNumber = operator.put(path, Map.of("nip", ""));
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(noNumber.errorFields()).containsExactly("nip");
        assertThat(noNumber.errors().get(0).get("message").toString()).contains("NIP atau NIK");

        Map<String, Object> after = operator.get("/api/events/" + s.eventId + "/enrolments/" + p).map();
        assertThat(after).isEqualTo(before);
        assertThat(operator.get(path + "/corrections").list()).isEmpty();
        assertThat(operator.put("/api/events/" + s.eventId + "/enrolments/999999/identity", Map.of("jabatan", "X")).status()).isEqualTo(404);
    }

    @Test
    void theCertificatePageCorrectsOneFieldWithTheMessageAtTheField() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(703, "Sinta Maharani");
        long certificate = s.issue(p).id();
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document page = Jsoup.parse(browser.get("/sertifikat/" + certificate).body());
        assertThat(page.select("#identity select[name=identityField] option").eachAttr("value")).contains("printedName", "golongan", "jabatan");

        Api.Res wrong = browser.post("/sertifikat/" + certificate + "/identitas",
                Map.of("_csrf", browser.csrf(), "identityField", "golongan", "identityValue", "V/z"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(Jsoup.parse(wrong.body()).selectFirst("#identityValue-error").text()).contains("V/z");
        assertThat(operator.get("/api/events/" + s.eventId + "/enrolments/" + p).get("golongan")).isEqualTo("III/b");

        Api.Res saved = browser.post("/sertifikat/" + certificate + "/identitas",
                Map.of("_csrf", browser.csrf(), "identityField", "jabatan", "identityValue", "Analis Kebijakan Ahli Muda"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(operator.get("/api/events/" + s.eventId + "/enrolments/" + p).get("jabatan")).isEqualTo("Analis Kebijakan Ahli Muda");
        Document after = Jsoup.parse(browser.get(saved.raw().getHeaders().get("Location")).body());
        assertThat(after.selectFirst("#corrections").text()).contains("operator").contains("Jabatan")
                .contains("Pranata Komputer Ahli Pertama → Analis Kebijakan Ahli Muda");
    }
}
