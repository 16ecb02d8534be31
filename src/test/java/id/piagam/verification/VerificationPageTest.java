package id.piagam.verification;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.text.Bahasa;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public page a QR code opens, as a reader sees it: who vouches for the certificate, in their
 * language, a certificate number that wraps only at its slashes, and a PDF checked by upload.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.agency.name", value = "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur")
@Property(name = "piagam.agency.address", value = "Jl. Balai Pemuda No. 1\nSurabaya 60271")
class VerificationPageTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    private byte[] pdf(long certificateId) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    @Test
    void showsWhoVouchesForTheCertificateWithoutStaffNavigation() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("organiser", "Balai Diklat <b>Kabupaten</b> Pamekasan"));
        Api.Res c = s.issue(s.attending(3101, "Sri Wahyuni"));
        Document page = Jsoup.parse(new Browser(anonymous).get("/verify/" + c.get("verificationCode")).body());

        assertThat(page.selectFirst("#status").text()).isEqualTo("Sah dan berlaku");
        Element issuer = page.selectFirst("#issuer");
        assertThat(issuer.selectFirst(".agency").text()).isEqualTo("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        assertThat(issuer.select(".address span").eachText()).containsExactly("Jl. Balai Pemuda No. 1", "Surabaya 60271");
        assertThat(issuer.selectFirst(".organiser strong").text()).isEqualTo("Balai Diklat <b>Kabupaten</b> Pamekasan");
        assertThat(issuer.select("b")).as("the organiser's text is escaped").isEmpty();
        assertThat(issuer.selectFirst("img").attr("src")).as("the logo that ships with the templates").startsWith("data:image/png;base64,");
        assertThat(issuer.selectFirst("img").attr("alt")).isEqualTo("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        assertThat(page.select("header nav")).as("no staff navigation for an anonymous reader").isEmpty();
        assertThat(page.select("header a[href=/bahasa/en]")).hasSize(1);
    }

    @Test
    void theLanguageSwitchReturnsToTheVerificationPageInEnglish() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(3102, "Agus Salim"));
        String path = "/verify/" + c.get("verificationCode");
        Browser reader = new Browser(anonymous);
        assertThat(Jsoup.parse(reader.get(path).body()).selectFirst("html").attr("lang")).isEqualTo("id");

        Api.Res switched = reader.send(HttpRequest.GET("/bahasa/en")
                .header("Referer", "http://" + server.getHost() + ":" + server.getPort() + path));
        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.raw().getHeaders().get("Location")).isEqualTo(path);

        Document english = Jsoup.parse(reader.get(path).body());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("h1").text()).isEqualTo("Certificate verification");
        assertThat(english.selectFirst("#status").text()).isEqualTo("Genuine and valid");
        assertThat(english.select("#certificate dt").eachText()).contains("Number", "Issued", "Lesson hours (JP)");
        assertThat(english.select("#certificate dd").get(6).text())
                .matches("\\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}");
        // the training's dates in English too, the dates the document states (its words stay in the JSON's eventDates)
        Api.Res json = anonymous.get("/api/verify/" + c.get("verificationCode"));
        LocalDate start = LocalDate.parse((String) json.get("eventStart"));
        LocalDate end = LocalDate.parse((String) json.get("eventEnd"));
        assertThat(json.get("eventDates")).isEqualTo(Bahasa.dateRange(start, end));
        assertThat(english.selectFirst("#event-dates").text()).isEqualTo(Bahasa.dateRange(start, end, Locale.ENGLISH))
                .isNotEqualTo(Bahasa.dateRange(start, end));
        assertThat(Jsoup.parse(new Browser(anonymous).get(path).body()).selectFirst("#event-dates").text()).isEqualTo(json.get("eventDates"));
        assertThat(english.selectFirst("#issuer .organiser").text()).startsWith("Organiser of the training:");
        assertThat(english.selectFirst("form#upload label[for=file]").text()).isEqualTo("PDF file");
    }

    @Test
    void theNumberWrapsOnlyAfterASlash() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(3103, "Bambang Pamungkas"));
        String number = (String) c.get("number");
        Element dd = Jsoup.parse(new Browser(anonymous).get("/verify/" + c.get("verificationCode")).body()).selectFirst("#certificate dd.number");

        assertThat(dd.text()).isEqualTo(number);
        assertThat(dd.select("span").eachText()).containsExactly(number.split("(?<=/)"));
        assertThat(dd.select("wbr")).hasSize(number.split("/").length - 1);
        String css = new Browser(anonymous).get("/static/piagam.css").body();
        assertThat(css).contains("dd.number span { white-space: nowrap; }").contains("dd.number { overflow-wrap: normal; }");
    }

    @Test
    void anUploadedPdfIsCheckedOnThePage() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res genuine = s.issue(s.attending(3104, "Dewi Lestari"));
        Api.Res revoked = s.issue(s.attending(3105, "Eko Prasetyo"));
        assertThat(admin.post("/api/certificates/" + revoked.id() + "/revoke", Map.of("reason", "data palsu")).status()).isEqualTo(200);
        byte[] pdf = pdf(genuine.id());
        Browser reader = new Browser(anonymous);
        String token = Jsoup.parse(reader.get("/verify").body()).selectFirst("form#upload input[name=_csrf]").val();

        Document ok = Jsoup.parse(upload(reader, token, pdf, 200));
        assertThat(ok.selectFirst("#status").text()).isEqualTo("Sah dan berlaku");
        assertThat(ok.selectFirst("#certificate dd.number").text()).isEqualTo(genuine.get("number"));
        assertThat(ok.selectFirst("#issuer")).isNotNull();

        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 0x01;
        Document forged = Jsoup.parse(upload(reader, token, tampered, 200));
        assertThat(forged.selectFirst("#status").text()).isEqualTo("Bukan sertifikat terbitan kami");
        assertThat(forged.select("#certificate")).isEmpty();

        Document withdrawn = Jsoup.parse(upload(reader, token, pdf(revoked.id()), 200));
        assertThat(withdrawn.selectFirst("#status").text()).startsWith("Dicabut sejak ");
        assertThat(withdrawn.text()).doesNotContain("data palsu");

        Document notPdf = Jsoup.parse(upload(reader, token, "<html>bukan pdf</html>".getBytes(), 400));
        assertThat(notPdf.selectFirst("#file-error").text()).isEqualTo("Berkas bukan PDF.");
        assertThat(notPdf.selectFirst("#file").attr("aria-invalid")).isEqualTo("true");

        byte[] huge = new byte[6 * 1024 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(), 0, huge, 0, 8);
        Document tooLarge = Jsoup.parse(upload(reader, token, huge, 413));
        assertThat(tooLarge.selectFirst("#file-error").text()).isEqualTo("Berkas terlalu besar untuk diperiksa (maksimal 5 MB).");
    }

    @Test
    void anUploadWithoutTheFormTokenIsRefused() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(3106, "Fitri Handayani"));
        Browser reader = new Browser(anonymous);
        reader.get("/verify");
        Api.Res r = reader.send(HttpRequest.POST("/verify", MultipartBody.builder()
                .addPart("file", "sertifikat.pdf", MediaType.APPLICATION_PDF_TYPE, pdf(c.id())).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(r.status()).isEqualTo(403);
    }

    private static String upload(Browser reader, String token, byte[] file, int expectedStatus) {
        Api.Res r = reader.send(HttpRequest.POST("/verify", MultipartBody.builder().addPart("_csrf", token)
                .addPart("file", "sertifikat.pdf", MediaType.APPLICATION_PDF_TYPE, file).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        return r.body();
    }
}
