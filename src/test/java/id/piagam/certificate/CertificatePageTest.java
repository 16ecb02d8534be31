package id.piagam.certificate;

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

@MicronautTest(transactional = false)
class CertificatePageTest extends ApiTest {

    @Test
    void anAdministratorReissuesWithAReasonAndTheTwoAreLinked() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long kiki = s.attending(992, "Kiki Amelia");
        long id = s.issue(kiki).id();
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");

        Api.Res blank = browser.post("/sertifikat/" + id + "/terbitkan-ulang", Map.of("_csrf", browser.csrf(), "reissueReason", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).selectFirst("#reissueReason-error").text()).isNotBlank();
        assertThat(operator.get("/api/certificates/" + id).get("status")).isEqualTo("VALID");

        Api.Res reissued = browser.post("/sertifikat/" + id + "/terbitkan-ulang", Map.of("_csrf", browser.csrf(),
                "reissueReason", "Gelar peserta salah <b>"));
        assertThat(reissued.status()).isEqualTo(303);
        String fresh = reissued.raw().getHeaders().get("Location");
        assertThat(fresh).matches("/sertifikat/\\d+").isNotEqualTo("/sertifikat/" + id);
        Document page = Jsoup.parse(browser.get(fresh).body());
        assertThat(page.selectFirst("#status").text()).isEqualTo("Berlaku");
        assertThat(page.selectFirst("a[href=/sertifikat/" + id + "]").text()).isEqualTo("Sertifikat yang digantikan");
        assertThat(page.select("#history td").eachText()).contains("Terbit ulang");
        assertThat(page.select("#history tr td:first-child").eachText()).as("when, with the zone the secretariat reads it in")
                .isNotEmpty().allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} WIB"));
        assertThat(page.select("#history td").eachText()).anyMatch(t -> t.endsWith("Gelar peserta salah <b>"));
        Document old = Jsoup.parse(browser.get("/sertifikat/" + id).body());
        assertThat(old.selectFirst("#status").text()).isEqualTo("Sudah diganti");
        assertThat(old.select("form#revoke")).as("only a valid certificate can be corrected").isEmpty();
    }

    @Test
    void anAdministratorRevokesWithAReasonThatStaysInternalWhileTheVerificationPageSaysRevoked() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long lia = s.attending(993, "Lia Kurniasih");
        Api.Res issued = s.issue(lia);
        long id = issued.id();
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Document page = Jsoup.parse(browser.get("/sertifikat/" + id).body());
        assertThat(page.selectFirst("form#revoke label[for=revokeReason]")).isNotNull();

        Api.Res tooLong = browser.post("/sertifikat/" + id + "/cabut", Map.of("_csrf", browser.csrf(), "revokeReason", "x".repeat(501)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(operator.get("/api/certificates/" + id).get("status")).isEqualTo("VALID");

        assertThat(browser.post("/sertifikat/" + id + "/cabut", Map.of("_csrf", browser.csrf(), "revokeReason", "Peserta tidak hadir")).status())
                .isEqualTo(303);
        Document revoked = Jsoup.parse(browser.get("/sertifikat/" + id).body());
        assertThat(revoked.selectFirst("#status").text()).isEqualTo("Dicabut");
        assertThat(revoked.select("dd").eachText()).contains("Peserta tidak hadir");
        String verify = revoked.select("a").stream().filter(a -> a.text().equals("Halaman verifikasi")).findFirst().orElseThrow().attr("href");
        String path = verify.substring(verify.indexOf("/verify/"));
        String verification = Jsoup.parse(anonymous.send(io.micronaut.http.HttpRequest.GET(path).accept("text/html")).body()).text();
        assertThat(verification).contains("Dicabut sejak").doesNotContain("Peserta tidak hadir");
        Api.Res again = browser.post("/sertifikat/" + id + "/cabut", Map.of("_csrf", browser.csrf(), "revokeReason", "lagi"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anOperatorSeesTheCertificateButCannotCorrectIt() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long id = s.issue(s.attending(994, "Maya Sari")).id();
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        assertThat(browser.get("/sertifikat/" + id).status()).isEqualTo(200);
        assertThat(browser.post("/sertifikat/" + id + "/cabut", Map.of("_csrf", browser.csrf(), "revokeReason", "x")).status()).isEqualTo(403);
        assertThat(browser.post("/sertifikat/" + id + "/terbitkan-ulang", Map.of("_csrf", browser.csrf(), "reissueReason", "x")).status())
                .isEqualTo(403);
        assertThat(operator.get("/api/certificates/" + id).get("status")).isEqualTo("VALID");
    }

    @Test
    void theDownloadLeadsAndTheDestructiveActionsAskForTheReasonFirst() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long id = s.issue(s.attending(995, "Nina Lestari")).id();
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Document page = Jsoup.parse(browser.get("/sertifikat/" + id).body());

        org.jsoup.nodes.Element lead = page.selectFirst("p.actions > a");
        assertThat(lead.id()).isEqualTo("download");
        assertThat(lead.classNames()).contains("button", "primary");
        assertThat(lead.attr("href")).isEqualTo("/api/certificates/" + id + "/pdf");
        assertThat(page.select("button.primary")).as("no destructive action is the most prominent").isEmpty();
        assertThat(page.selectFirst("form#reissue button").classNames()).containsExactly("secondary");
        assertThat(page.selectFirst("form#revoke button").classNames()).containsExactly("danger");
        for (String form : new String[] {"reissue", "revoke"}) {
            org.jsoup.nodes.Element reason = page.selectFirst("form#" + form + " input[name=" + form + "Reason]");
            assertThat(reason.hasAttr("required")).isTrue();
            assertThat(page.select("form#" + form + " input, form#" + form + " button").last().tagName())
                    .as("the reason comes before the button").isEqualTo("button");
        }
    }
}
