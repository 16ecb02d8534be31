package id.piagam.web;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class LanguageSwitchTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    private String here() {
        return server.getURL().getHost() + ":" + server.getPort();
    }

    @Test
    void theSwitchReturnsToThePageItWasClickedOnAndThatPagePrintsEnglishDates() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long id = s.issue(s.attending(981, "Tari Oktaviani")).id();
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        String indonesian = Jsoup.parse(browser.get("/sertifikat/" + id).body()).select("dd").get(2).text();
        assertThat(indonesian).matches("\\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \\d{4}");

        Api.Res switched = browser.send(HttpRequest.GET("/bahasa/en").header("Referer", "http://" + here() + "/sertifikat/" + id + "?x=1"));
        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.raw().getHeaders().get("Location")).isEqualTo("/sertifikat/" + id + "?x=1");

        Document english = Jsoup.parse(browser.get("/sertifikat/" + id).body());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.select("dd").get(2).text())
                .matches("\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}");
        assertThat(Jsoup.parse(browser.get("/kegiatan").body()).text()).doesNotContain("Januari", "Februari", "Maret", "Mei",
                "Juni", "Juli", "Agustus", "Oktober", "Desember");

        Api.Res back = browser.send(HttpRequest.GET("/bahasa/id?next=/kegiatan"));
        assertThat(back.raw().getHeaders().get("Location")).isEqualTo("/kegiatan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/phish", "//evil.example/phish", "/\\evil.example", "javascript:alert(1)",
            "http://evil.example/sertifikat/1"})
    void neverSendsTheReaderToAnotherSite(String elsewhere) {
        Browser browser = new Browser(anonymous);
        assertThat(browser.send(HttpRequest.GET("/bahasa/en").header("Referer", elsewhere)).raw().getHeaders().get("Location"))
                .isEqualTo("/");
        assertThat(browser.send(HttpRequest.GET("/bahasa/en?next=" + java.net.URLEncoder.encode(elsewhere, java.nio.charset.StandardCharsets.UTF_8)))
                .raw().getHeaders().get("Location")).isEqualTo("/");
    }

    @Test
    void keepsOnlyLocalPathsAsTheWayBack() {
        assertThat(LanguagePage.back(null, "http://piagam.example:8080/peserta?q=a", "piagam.example:8080")).isEqualTo("/peserta?q=a");
        assertThat(LanguagePage.back(null, "http://piagam.example.evil:8080/peserta", "piagam.example:8080")).isEqualTo("/");
        assertThat(LanguagePage.back(null, "http://piagam.example:8080/bahasa/id", "piagam.example:8080")).isEqualTo("/");
        assertThat(LanguagePage.back("/kegiatan/3/nilai", "https://evil.example/", "piagam.example:8080")).isEqualTo("/kegiatan/3/nilai");
        assertThat(LanguagePage.back("/%0d%0aSet-Cookie:x", null, null)).isEqualTo("/%0d%0aSet-Cookie:x");
        assertThat(LanguagePage.back("/a\r\nSet-Cookie: x", null, null)).isEqualTo("/");
        assertThat(LanguagePage.back(null, null, "piagam.example:8080")).isEqualTo("/");
    }
}
