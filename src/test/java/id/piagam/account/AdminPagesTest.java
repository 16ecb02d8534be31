package id.piagam.account;

import id.piagam.assessment.GradeScales;
import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AdminPagesTest extends ApiTest {

    @Inject
    UserRepository users;
    @Inject
    GradeScales scales;

    @Test
    void anAdministratorCreatesAStaffAccountThatCanSignIn() {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Document list = Jsoup.parse(browser.get("/admin/pengguna").body());
        assertThat(list.select("#users tr[data-user=admin]")).hasSize(1);
        assertThat(list.select("#role option").eachAttr("value")).containsExactly("OPERATOR", "ADMIN");

        long before = users.count();
        Api.Res weak = browser.post("/admin/pengguna", Map.of("_csrf", browser.csrf(), "username", "rahma", "password", "pendek",
                "role", "OPERATOR", "displayName", "Rahma <Staf>"));
        assertThat(weak.status()).isEqualTo(400);
        Document doc = Jsoup.parse(weak.body());
        assertThat(doc.selectFirst("#password-error").text()).contains("10");
        assertThat(doc.selectFirst("#username").val()).isEqualTo("rahma");
        assertThat(doc.selectFirst("#password").val()).as("a password is never sent back").isEmpty();
        assertThat(users.count()).isEqualTo(before);

        Api.Res participantRole = browser.post("/admin/pengguna", Map.of("_csrf", browser.csrf(), "username", "rahma",
                "password", "kata-sandi-rahma", "role", "PARTICIPANT"));
        assertThat(participantRole.status()).isEqualTo(400);
        assertThat(Jsoup.parse(participantRole.body()).selectFirst("#role-error")).isNotNull();

        Api.Res created = browser.post("/admin/pengguna", Map.of("_csrf", browser.csrf(), "username", "Rahma", "password", "kata-sandi-rahma",
                "role", "OPERATOR", "displayName", "Rahma <Staf>"));
        assertThat(created.status()).isEqualTo(303);
        new Browser(anonymous).signIn("rahma", "kata-sandi-rahma");
        Api.Res duplicate = browser.post("/admin/pengguna", Map.of("_csrf", browser.csrf(), "username", "RAHMA", "password", "kata-sandi-rahma",
                "role", "OPERATOR"));
        assertThat(Jsoup.parse(duplicate.body()).selectFirst("#username-error").text()).isEqualTo("Nama pengguna ini sudah dipakai.");

        // disabling the account stops its sign-in
        String edit = created.raw().getHeaders().get("Location").replace("?tersimpan=1", "");
        Document form = Jsoup.parse(browser.get(edit).body());
        assertThat(form.selectFirst("#enabled").hasAttr("checked")).isTrue();
        assertThat(browser.post(edit, Map.of("_csrf", browser.csrf(), "role", "OPERATOR", "displayName", "Rahma")).status()).isEqualTo(303);
        assertThat(anonymous.post("/login", Map.of("username", "rahma", "password", "kata-sandi-rahma"))
                .status()).isEqualTo(401);
    }

    @Test
    void theLastActiveAdministratorCannotBeDemoted() {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        User self = users.findByUsername("admin").orElseThrow();
        Api.Res r = browser.post("/admin/pengguna/" + self.id(), Map.of("_csrf", browser.csrf(), "role", "OPERATOR", "enabled", "on"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).selectFirst("[role=alert]").text()).isEqualTo("Tidak dapat menonaktifkan atau menurunkan administrator aktif terakhir.");
        assertThat(users.findByUsername("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aNewVersionOfAGradeScaleStartsFromTheOldOne() {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        long defaultId = scales.defaultScale().id();
        Document copy = Jsoup.parse(browser.get("/admin/skala-nilai?dari=" + defaultId).body());
        assertThat(copy.selectFirst("#code").val()).isEqualTo(GradeScales.DEFAULT_CODE);
        Map<String, String> form = new HashMap<>();
        copy.select("#new-scale input").forEach(el -> {
            if (!el.attr("type").equals("checkbox")) {
                form.put(el.attr("name"), el.val());
            } else if (el.hasAttr("checked")) {
                form.put(el.attr("name"), "on");
            }
        });
        form.put("code", "UJI-SKALA");
        form.put("name", "Skala uji");
        form.put("bands[0].lowerBound", "seratus");
        Api.Res bad = browser.post("/admin/skala-nilai", form);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).getElementById("bands[0].lowerBound-error")).isNotNull();
        assertThat(scales.list()).noneMatch(s -> s.code().equals("UJI-SKALA"));

        form.put("bands[0].lowerBound", copy.getElementById("bands[0].lowerBound").val());
        assertThat(browser.post("/admin/skala-nilai", form).status()).isEqualTo(303);
        assertThat(browser.post("/admin/skala-nilai", form).status()).isEqualTo(303);
        Document list = Jsoup.parse(browser.get("/admin/skala-nilai").body());
        assertThat(list.select("[data-scale^=UJI-SKALA]").eachAttr("data-scale")).containsExactlyInAnyOrder("UJI-SKALA v1", "UJI-SKALA v2");
    }

    @Test
    void theTemplatesAreListedWithAPreviewAndCanBeReadAgain() throws Exception {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Document page = Jsoup.parse(browser.get("/admin/templat").body());
        String preview = page.selectFirst("#templates tr[data-template=sttp-diklat] a").attr("href");
        Api.Res pdf = browser.get(preview);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(PdfChecks.text(pdf.raw().getBody(byte[].class).orElseThrow(), 1)).contains("SURAT TANDA TAMAT PELATIHAN");
        Api.Res reload = browser.post("/admin/templat/muat-ulang", Map.of("_csrf", browser.csrf()));
        assertThat(reload.status()).isEqualTo(303);
        assertThat(Jsoup.parse(browser.get("/admin/templat?dimuat=1").body()).selectFirst("[role=status]")).isNotNull();
    }

    @Test
    void administrationIsForAdministratorsOnly() {
        Browser operatorBrowser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        for (String page : new String[]{"/admin/pengguna", "/admin/skala-nilai", "/admin/templat"}) {
            assertThat(operatorBrowser.get(page).status()).as(page).isEqualTo(403);
        }
        assertThat(operatorBrowser.post("/admin/pengguna", Map.of("_csrf", operatorBrowser.csrf(), "username", "penyusup",
                "password", "kata-sandi-penyusup", "role", "ADMIN")).status()).isEqualTo(403);
        assertThat(users.findByUsername("penyusup")).isEmpty();
        Document home = Jsoup.parse(operatorBrowser.get("/").body());
        assertThat(home.select("a[href=/admin/pengguna]")).isEmpty();
    }
}
