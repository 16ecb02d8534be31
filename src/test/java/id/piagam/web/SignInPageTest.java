package id.piagam.web;

import id.piagam.account.WebSessionRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser path: sign in, see the dashboard, sign out; CSRF, cookies and headers as a browser gets them. */
@MicronautTest(transactional = false)
class SignInPageTest extends ApiTest {

    @Inject
    WebSessionRepository sessions;

    private Api.Res page(MutableHttpRequest<?> request, Map<String, String> cookies) {
        request.accept(MediaType.TEXT_HTML_TYPE);
        cookies.forEach((k, v) -> request.cookie(Cookie.of(k, v)));
        return anonymous.send(request);
    }

    private static MutableHttpRequest<?> form(String path, Map<String, String> fields) {
        return HttpRequest.POST(path, fields).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private static String cookie(Api.Res r, String name) {
        return r.raw().getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    void theSignInPageIsAnAccessibleFormWithACsrfToken() {
        Api.Res r = page(HttpRequest.GET("/masuk"), Map.of());
        assertThat(r.status()).isEqualTo(200);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("id");
        Element form = doc.selectFirst("form[action=/masuk]");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[name=_csrf]").val()).hasSizeGreaterThan(40);
        assertThat(doc.selectFirst("label[for=username]").text()).isEqualTo("Nama pengguna");
        assertThat(doc.selectFirst("label[for=password]").text()).isEqualTo("Kata sandi");
        assertThat(doc.selectFirst("input#password").attr("type")).isEqualTo("password");
        // participants are told which identities they may sign in with
        assertThat(doc.selectFirst("input#username").attr("aria-describedby")).isEqualTo("username-hint");
        assertThat(doc.selectFirst("#username-hint").text()).contains("NIP").contains("NIK").contains("email");
        assertThat(cookie(r, "piagam_csrf")).contains("HTTPOnly").contains("SameSite=Strict");
        assertThat(r.raw().getHeaders().get("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
        assertThat(r.raw().getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.raw().getHeaders().get("Referrer-Policy")).isEqualTo("same-origin");
        // a browser in English still gets Indonesian until the reader switches
        Api.Res browserInEnglish = anonymous.send(HttpRequest.GET("/masuk").accept(MediaType.TEXT_HTML_TYPE).header("Accept-Language", "en-US,en"));
        assertThat(Jsoup.parse(browserInEnglish.body()).selectFirst("h1").text()).isEqualTo("Masuk");
        Browser switching = new Browser(anonymous);
        assertThat(switching.get("/bahasa/en").status()).isEqualTo(303);
        Document english = Jsoup.parse(switching.get("/masuk").body());
        assertThat(english.selectFirst("h1").text()).isEqualTo("Sign in");
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("#username-hint").text()).startsWith("Training participants: sign in with your NIP, NIK");
    }

    @Test
    void aWrongPasswordReRendersTheFormWithTheMessageAndTheUsernameKept() {
        Api.Res form = page(HttpRequest.GET("/masuk"), Map.of());
        String csrf = Jsoup.parse(form.body()).selectFirst("input[name=_csrf]").val();
        Api.Res r = page(form("/masuk", Map.of("_csrf", csrf, "username", "admin", "password", "salah")),
                Map.of("piagam_csrf", value(cookie(form, "piagam_csrf"))));
        assertThat(r.status()).isEqualTo(401);
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("[role=alert]").text()).isEqualTo("Nama pengguna atau kata sandi salah.");
        assertThat(doc.selectFirst("input#username").val()).isEqualTo("admin");
        assertThat(cookie(r, "piagam_session")).isNull();
    }

    @Test
    void aSignInWithoutTheFormTokenIsRefused() {
        Api.Res r = page(form("/masuk", Map.of("_csrf", "palsu", "username", "admin", "password", "test-admin-secret")), Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(cookie(r, "piagam_session")).isNull();
    }

    @Test
    void aSignedInOperatorSeesTheDashboardWithCounts() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("title", "Bimtek <b>Arsip</b> Digital"));
        long p = s.attending(900, "Kurniawan Adi");
        s.absent(901, "Lestari Ayu");
        s.issue(p);
        Api.Res r = new Browser(anonymous).signIn("operator", "operator-secret-1").get("/");
        assertThat(r.status()).isEqualTo(200);
        Element row = Jsoup.parse(r.body()).selectFirst("tr[data-event=" + s.eventId + "]");
        assertThat(row.select("td").get(0).text()).isEqualTo("Bimtek Bimtek <b>Arsip</b> Digital");
        assertThat(row.select("td").eachText()).containsSequence("2", "1", "1");
        assertThat(r.body()).doesNotContain("<b>Arsip</b>");
    }

    @Test
    void aBrowserThatIsNotSignedInIsSentToSignInWhileTheApiSays401() {
        Api.Res browser = page(HttpRequest.GET("/"), Map.of());
        assertThat(browser.status()).isEqualTo(303);
        assertThat(browser.raw().getHeaders().get("Location")).isEqualTo("/masuk");
        assertThat(anonymous.get("/api/events").status()).isEqualTo(401);
        assertThat(page(HttpRequest.GET("/"), Map.of("piagam_session", "x".repeat(43))).status()).isEqualTo(303);
    }

    @Test
    void signingOutNeedsTheFormTokenAndEndsTheSessionOnTheServer() {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        String session = browser.cookie("piagam_session");
        String csrf = browser.csrf();

        assertThat(browser.post("/keluar", Map.of("_csrf", "palsu")).status()).isEqualTo(403);
        assertThat(browser.get("/").status()).isEqualTo(200);

        Api.Res out = browser.post("/keluar", Map.of("_csrf", csrf));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.raw().getHeaders().get("Location")).isEqualTo("/masuk");
        assertThat(cookie(out, "piagam_session")).contains("Max-Age=0");
        // the old cookie no longer works: the session ended on the server, not just in the browser
        assertThat(page(HttpRequest.GET("/"), Map.of("piagam_session", session)).status()).isEqualTo(303);
        assertThat(sessions.findAll()).anySatisfy(ws -> assertThat(ws.endedAt()).isNotNull());
    }

    @Test
    void aBrowserGetsErrorPagesWhileTheApiGetsProblemDocuments() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Api.Res missing = browser.get("/tidak-ada");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(missing.body()).selectFirst("h1").text()).isEqualTo("Tidak ditemukan");
        Api.Res forbidden = browser.get("/saya");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(Jsoup.parse(forbidden.body()).selectFirst("h1").text()).isEqualTo("Akses ditolak");
        assertThat(browser.get("/api/participants/999999").contentType()).startsWith("application/problem+json");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        Api.Res form = page(HttpRequest.GET("/masuk"), Map.of());
        String csrf = Jsoup.parse(form.body()).selectFirst("input[name=_csrf]").val();
        Api.Res r = page(form("/masuk", new LinkedHashMap<>(Map.of("_csrf", csrf, "username", "operator", "password", "operator-secret-1"))),
                Map.of("piagam_csrf", value(cookie(form, "piagam_csrf"))));
        assertThat(cookie(r, "piagam_session")).contains("HTTPOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(List.of(r.raw().getHeaders().get("Location"))).containsExactly("/");
    }
}
