package id.piagam.web;

import id.piagam.participant.ParticipantRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed headers and form bodies, before and after sign-in: a 4xx (or the header ignored), never
 * a 5xx, and nothing written.
 */
@MicronautTest(transactional = false)
class MalformedRequestTest extends ApiTest {

    @Inject
    ParticipantRepository participants;

    @Test
    void malformedLanguageAndCharsetHeadersNeverGiveA5xx() {
        List<String> wrong = new ArrayList<>();
        String[][] headers = {{"Accept-Language", ","}, {"Accept-Language", ";"}, {"Accept-Language", ";q=x,,"},
                {"Accept-Charset", ","}, {"Accept-Charset", ";"}, {"Accept-Charset", "no-such-charset"}};
        for (String[] header : headers) {
            for (String path : List.of("/masuk", "/", "/health", "/api/events", "/verify/abc", "/api/verify/abc", "/tidak-ada")) {
                for (boolean html : new boolean[]{true, false}) {
                    for (Api caller : List.of(anonymous, operator)) {
                        MutableHttpRequest<?> request = HttpRequest.GET(path).header(header[0], header[1]);
                        if (html) {
                            request.accept(MediaType.TEXT_HTML_TYPE);
                        }
                        int status = caller.send(request).status();
                        if (status >= 500) {
                            wrong.add(header[0] + ": " + header[1] + " on " + path + (html ? " (html)" : "") + " → " + status);
                        }
                    }
                }
            }
            Api.Res login = anonymous.send(HttpRequest.POST("/login", "{\"username\":\"admin\",\"password\":\"test-admin-secret\"}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE).header(header[0], header[1]));
            if (login.status() >= 500) {
                wrong.add(header[0] + ": " + header[1] + " on POST /login → " + login.status());
            }
        }
        assertThat(wrong).isEmpty();
        // the header is ignored, the request still served
        Api.Res served = operator.send(HttpRequest.GET("/api/events").header("Accept-Language", ","));
        assertThat(served.status()).isEqualTo(200);
        // on plain http (the test's base URL) no Strict-Transport-Security is sent
        assertThat(served.raw().getHeaders().get("Strict-Transport-Security")).isNull();
    }

    @Test
    void aFormWithBadPercentEncodingIsA400Page() {
        long before = participants.count();
        Browser signedIn = new Browser(anonymous).signIn("admin", "test-admin-secret");
        String csrf = signedIn.csrf();
        List<String> wrong = new ArrayList<>();
        for (Object[] c : new Object[][]{{new Browser(anonymous), "/masuk", "username=%zz&password=x"},
                {new Browser(anonymous), "/undangan/" + "a".repeat(43), "password=%zz&repeat=%"},
                {signedIn, "/peserta/baru", "_csrf=" + csrf + "&fullName=%zz&category=PNS"},
                {signedIn, "/peserta/baru", "_csrf=" + csrf + "&fullName=Budi%"}}) {
            Browser browser = (Browser) c[0];
            Api.Res r = browser.send(HttpRequest.POST((String) c[1], (String) c[2]).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
            if (r.status() != 400 || !r.contentType().startsWith("text/html")
                    || Jsoup.parse(r.body()).text().isBlank() || r.body().contains("Exception")) {
                wrong.add(c[1] + " " + c[2] + " → " + r.status() + " " + r.contentType());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(participants.count()).isEqualTo(before);
    }

    @Test
    void errorMessagesSayWhatIsWrong() {
        Api.Res unsupported = anonymous.inLanguage("en").send(HttpRequest.POST("/api/verify", "x").contentType(MediaType.TEXT_PLAIN_TYPE));
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat((String) unsupported.get("detail")).contains("text/plain").doesNotContain("send application/json");

        // a PDF sent as the body meets the same 5 MB cap as one uploaded through the page's form
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        Api.Res tooLarge = anonymous.send(HttpRequest.POST("/api/verify", big).contentType(MediaType.APPLICATION_PDF_TYPE));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.errorFields()).containsExactly("file");
        assertThat(tooLarge.errors()).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("5 MB"));

        Api.Res badId = operator.inLanguage("en").get("/api/participants/abc");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorFields()).containsExactly("id");
        assertThat((String) badId.get("detail")).doesNotContain("JSON").contains("address");
    }

    private static String person(String field, String jsonEscapedValue) {
        return "{" + (field.equals("fullName") ? "" : "\"fullName\":\"Budi Santoso\",")
                + "\"category\":\"NON_ASN\",\"nik\":\"3528010101900001\",\"" + field + "\":\"" + jsonEscapedValue + "\"}";
    }

    @Test
    void controlAndInvisibleCharactersAreRefusedInFreeTextWithTheFieldNamed() {
        long before = participants.count();
        String[][] cases = {{"instansi", "Pemkab\\u0000Pamekasan", "text.control"}, {"backTitle", "S.Kom.\\u202E", "text.bidi"},
                {"jabatan", "Pra\\u200Bnata", "text.invisible"}, {"unitKerja", "Dinas \\uD800", "text.surrogate"},
                {"fullName", "Z" + "\\u0301".repeat(149), "text.combining"}, {"birthPlace", "Sura\\u2066baya", "text.bidi"}};
        for (String[] c : cases) {
            Api.Res r = operator.send(HttpRequest.POST("/api/participants", person(c[0], c[1])).contentType(MediaType.APPLICATION_JSON_TYPE));
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(400);
            assertThat(r.errors()).as(c[0]).singleElement().satisfies(e -> {
                assertThat(e.get("field")).isEqualTo(c[0]);
                assertThat(e.get("code")).isEqualTo(c[2]);
            });
        }
        assertThat(participants.count()).isEqualTo(before);
        // decomposed text is stored composed (NFC)
        Api.Res ok = operator.send(HttpRequest.POST("/api/participants", person("instansi", "Jose\\u0301 Corp"))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.get("instansi")).isEqualTo("Jos\u00E9 Corp");
    }
}
