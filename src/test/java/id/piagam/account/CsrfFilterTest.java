package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state-changing page route, read from the router (so a form added tomorrow is covered too),
 * refuses a request whose CSRF token is missing or wrong, with the 403 page, before anything is
 * written. The caller is one the route's security rule lets through, so the refusal is the token's.
 */
@MicronautTest(transactional = false)
class CsrfFilterTest extends ApiTest {

    private static final String EXPIRED = "Formulir sudah kedaluwarsa";

    @Inject
    Router router;

    private DataSource dataSource;

    @Inject
    void dataSource(DataSource contextual) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(contextual);
    }

    @Test
    void everyUnsafePageRouteRefusesAMissingOrWrongTokenAndWritesNothing() throws SQLException {
        long participantId = participant(4401, "Wulan Sari");
        admin.post("/api/users", Map.of("username", "wulan", "password", "wulan-secret-123", "role", "PARTICIPANT",
                "participantId", participantId));
        Browser staff = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Browser participant = new Browser(anonymous).signIn("wulan", "wulan-secret-123");

        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(r -> r.getHttpMethod() != HttpMethod.GET && r.getHttpMethod() != HttpMethod.HEAD
                        && r.getHttpMethod() != HttpMethod.OPTIONS)
                .filter(r -> !r.getUriMatchTemplate().toString().startsWith("/api/") && !r.getUriMatchTemplate().toString().equals("/login"))
                .toList();
        assertThat(routes).extracting(r -> r.getUriMatchTemplate().toString())
                .as("the page forms known today")
                .contains("/masuk", "/keluar", "/kegiatan/baru", "/kegiatan/{eventId}/impor", "/undangan/{token}", "/admin/templat/muat-ulang",
                        "/admin/instansi", "/admin/instansi/logo", "/kegiatan/{id}/surel/manual", "/surel/{id}/kirim-ulang",
                        "/kegiatan/{eventId}/peran/{participantId}", "/peserta/{id}/foto", "/peserta/{id}/foto/hapus");

        Map<String, Long> before = rowCounts();
        List<String> wrong = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes) {
            Map<String, Object> values = new HashMap<>();
            route.getUriMatchTemplate().getVariableNames().forEach(v -> values.put(v, "1"));
            String path = route.getUriMatchTemplate().expand(values);
            boolean multipart = route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE);
            for (String token : new String[]{null, "palsu"}) {
                Browser caller = path.startsWith("/saya") ? participant
                        : path.startsWith("/masuk") || path.startsWith("/undangan") ? signInForm() : staff;
                Api.Res r = caller.send(request(route.getHttpMethod(), path, token, multipart));
                String label = route.getHttpMethodName() + " " + path + (token == null ? " without a token" : " with a wrong token");
                if (r.status() != 403 || !Jsoup.parse(r.body()).text().contains(EXPIRED)) {
                    wrong.add(label + ": " + r.status() + " " + r.body());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rowCounts()).as("nothing written").isEqualTo(before);
    }

    /** A browser that has been shown the sign-in form, so it holds a form cookie (but submits another token). */
    private Browser signInForm() {
        Browser b = new Browser(anonymous);
        assertThat(b.get("/masuk").status()).isEqualTo(200);
        assertThat(b.cookie(WebSessions.FORM_COOKIE)).isNotBlank();
        return b;
    }

    private static MutableHttpRequest<?> request(HttpMethod method, String path, String token, boolean multipart) {
        if (multipart) {
            MultipartBody.Builder body = MultipartBody.builder().addPart("file", "daftar.csv", MediaType.TEXT_PLAIN_TYPE,
                    "Nama Lengkap,NIK\nBudi,3578010101900001\n".getBytes());
            if (token != null) {
                body.addPart("_csrf", token);
            }
            return HttpRequest.create(method, path).body(body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        }
        Map<String, String> form = new HashMap<>(Map.of("username", "admin", "password", "test-admin-secret", "reason", "uji"));
        if (token != null) {
            form.put("_csrf", token);
        }
        return HttpRequest.create(method, path).body(form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            try (Statement st = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        }
        assertThat(counts).containsKeys("participant", "certificate", "web_session");
        return counts;
    }
}
