package id.piagam.agency;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/instansi}: the administrator's form for the agency profile and its logo. */
@MicronautTest(transactional = false)
class AgencyPageTest extends ApiTest {

    @Inject
    AgencyProfileRepository profiles;
    @Inject
    AgencySignatoryRepository signatories;

    private Map<String, String> form(Browser browser) {
        Map<String, String> f = new HashMap<>();
        f.put("_csrf", browser.csrf());
        f.put("fullName", "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        f.put("parent", "Pemerintah Provinsi Jawa Timur");
        f.put("address", "Jalan Balongsari Tama, Tandes\r\nSurabaya 60186");
        f.put("website", "bpsdm.jatimprov.go.id");
        f.put("signatories[0].name", "Dr. Ir. Ramliyanto, M.P.");
        f.put("signatories[0].position", "Kepala Badan");
        f.put("signatories[0].golongan", "IV/c");
        f.put("signatories[2].name", "Dra. Sri Wahyuni, M.Si.");
        f.put("signatories[2].position", "Sekretaris");
        f.put("signatories[2].nip", "197105121996032002");
        f.put("defaultSignatory", "2");
        return f;
    }

    @Test
    void anAdministratorSavesTheProfileAndSeesItsProblemsAtTheirFields() throws IOException {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Document blank = Jsoup.parse(browser.get("/admin/instansi").body());
        assertThat(blank.selectFirst("#agency-source")).isNotNull();

        Map<String, String> bad = form(browser);
        bad.put("website", "bukan situs");
        bad.put("signatories[2].nip", "12345");
        Api.Res refused = browser.post("/admin/instansi", bad);
        assertThat(refused.status()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#website-error").text()).contains("situs");
        assertThat(page.getElementById("signatories[2].nip-error").text()).contains("18");
        assertThat(page.getElementById("signatories[2].name").val()).isEqualTo("Dra. Sri Wahyuni, M.Si.");
        assertThat(profiles.findById(1L)).isEmpty();

        assertThat(browser.post("/admin/instansi", form(browser)).status()).isEqualTo(303);
        assertThat(profiles.findById(1L)).get().satisfies(p -> {
            assertThat(p.parent()).isEqualTo("Pemerintah Provinsi Jawa Timur");
            assertThat(p.defaultSignatory()).isEqualTo(1); // the third row is the second signatory
        });
        assertThat(signatories.findAllOrderBySeq()).extracting(AgencySignatory::name)
                .containsExactly("Dr. Ir. Ramliyanto, M.P.", "Dra. Sri Wahyuni, M.Si.");
        Document saved = Jsoup.parse(browser.get("/admin/instansi?tersimpan=1").body());
        assertThat(saved.getElementById("signatories[1].name").val()).isEqualTo("Dra. Sri Wahyuni, M.Si.");
        assertThat(saved.selectFirst("input[name=defaultSignatory][checked]").val()).isEqualTo("1");
        assertThat(saved.selectFirst("#agency-source")).isNull();

        Api.Res notImage = browser.send(HttpRequest.POST("/admin/instansi/logo", MultipartBody.builder().addPart("_csrf", browser.csrf())
                .addPart("logo", "logo.png", MediaType.IMAGE_PNG_TYPE, "bukan gambar".getBytes()).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(Jsoup.parse(notImage.body()).selectFirst("#logo-error").text()).contains("PNG");
        assertThat(profiles.findById(1L).get().logo()).isNull();

        Api.Res logo = browser.send(HttpRequest.POST("/admin/instansi/logo", MultipartBody.builder().addPart("_csrf", browser.csrf())
                .addPart("logo", "logo.png", MediaType.IMAGE_PNG_TYPE, AgencyApiTest.png(200, 200, true)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(logo.status()).isEqualTo(303);
        assertThat(profiles.findById(1L).get().logo()).isNotNull();
        assertThat(Jsoup.parse(browser.get("/admin/instansi").body()).selectFirst("#logo-image").attr("src")).startsWith("data:image/png;base64,");
    }

    @Test
    void operatorsCannotOpenIt() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        assertThat(browser.get("/admin/instansi").status()).isEqualTo(403);
    }
}
