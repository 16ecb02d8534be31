package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open which page, with a browser's session cookie: every page and form against every kind
 * of caller. Anonymous callers are sent to sign in (303 to /masuk); a signed-in caller without the
 * role gets 403; "allowed" is anything else but a 5xx. Forms are posted with the caller's own valid
 * CSRF token and an empty form, so an allowed caller gets a validation answer and nothing changes.
 */
@MicronautTest(transactional = false)
class PageAccessMatrixTest extends ApiTest {

    private enum Who { ANONYMOUS, PARTICIPANT_A, PARTICIPANT_B, OPERATOR, ADMIN }

    private static final String ALLOWED = "allowed";

    private record Page(boolean post, String path, Map<Who, String> expected) {
    }

    private static Map<Who, String> expect(String participantA, String participantB, String operator, String admin) {
        return Map.of(Who.ANONYMOUS, "303", Who.PARTICIPANT_A, participantA, Who.PARTICIPANT_B, participantB, Who.OPERATOR, operator,
                Who.ADMIN, admin);
    }

    @Test
    void everyPageAnswersEachCallerAsDesigned() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long a = s.attending(710, "Citra Lestari");
        long b = s.attending(711, "Dimas Saputra");
        long certificate = s.issue(a).id();
        admin.post("/api/users", Map.of("username", "citra", "password", "citra-secret-123", "role", "PARTICIPANT", "participantId", a));
        admin.post("/api/users", Map.of("username", "dimas", "password", "dimas-secret-123", "role", "PARTICIPANT", "participantId", b));
        Map<Who, Browser> callers = new LinkedHashMap<>();
        callers.put(Who.ANONYMOUS, new Browser(anonymous));
        callers.put(Who.PARTICIPANT_A, new Browser(anonymous).signIn("citra", "citra-secret-123"));
        callers.put(Who.PARTICIPANT_B, new Browser(anonymous).signIn("dimas", "dimas-secret-123"));
        callers.put(Who.OPERATOR, new Browser(anonymous).signIn("operator", "operator-secret-1"));
        callers.put(Who.ADMIN, new Browser(anonymous).signIn("admin", "test-admin-secret"));
        Map<Who, String> csrf = new LinkedHashMap<>();
        callers.forEach((who, browser) -> csrf.put(who, who == Who.ANONYMOUS ? "" : browser.csrf()));

        long e = s.eventId;
        Map<Who, String> staff = expect("403", "403", ALLOWED, ALLOWED);
        Map<Who, String> adminOnly = expect("403", "403", "403", ALLOWED);
        List<Page> pages = new ArrayList<>();
        for (String get : new String[]{"/kegiatan", "/kegiatan/baru", "/kegiatan/" + e, "/kegiatan/" + e + "/ubah", "/kegiatan/" + e + "/impor",
                "/kegiatan/" + e + "/kehadiran", "/kegiatan/" + e + "/nilai", "/peserta", "/peserta/baru", "/peserta/" + a,
                "/sertifikat/" + certificate, "/kegiatan/" + e + "/surel", "/kegiatan/" + e + "/peran/" + a, "/peserta/" + a + "/foto"}) {
            pages.add(new Page(false, get, staff));
        }
        for (String post : new String[]{"/kegiatan/baru", "/kegiatan/" + e + "/ubah", "/kegiatan/" + e + "/kehadiran",
                "/kegiatan/" + e + "/nilai", "/peserta/baru", "/peserta/" + a, "/peserta/" + a + "/undangan",
                "/kegiatan/" + e + "/undangan", "/kegiatan/" + e + "/surel/manual", "/surel/1/kirim-ulang", "/kegiatan/" + e + "/peran/" + a,
                "/peserta/" + a + "/foto/hapus"}) {
            pages.add(new Page(true, post, staff));
        }
        for (String get : new String[]{"/admin/pengguna", "/admin/pengguna/1", "/admin/skala-nilai", "/admin/templat", "/admin/instansi"}) {
            pages.add(new Page(false, get, adminOnly));
        }
        for (String post : new String[]{"/admin/pengguna", "/admin/pengguna/1", "/admin/skala-nilai", "/admin/templat/muat-ulang", "/admin/instansi",
                "/sertifikat/" + certificate + "/cabut", "/sertifikat/" + certificate + "/terbitkan-ulang"}) {
            pages.add(new Page(true, post, adminOnly));
        }
        pages.add(new Page(false, "/saya", expect(ALLOWED, ALLOWED, "403", "403")));
        pages.add(new Page(false, "/saya/transkrip.pdf", expect(ALLOWED, ALLOWED, "403", "403")));
        pages.add(new Page(false, "/saya/sertifikat/" + certificate, expect(ALLOWED, "404", "403", "403")));
        pages.add(new Page(false, "/", expect("303", "303", ALLOWED, ALLOWED)));

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Page page : pages) {
            for (Map.Entry<Who, Browser> caller : callers.entrySet()) {
                Api.Res r = page.post() ? caller.getValue().post(page.path(), Map.of("_csrf", csrf.get(caller.getKey())))
                        : caller.getValue().get(page.path());
                String expected = page.expected().get(caller.getKey());
                boolean ok = expected.equals(ALLOWED) ? r.status() != 401 && r.status() != 403 && r.status() < 500
                        : r.status() == Integer.parseInt(expected);
                if (ok && caller.getKey() == Who.ANONYMOUS) {
                    ok = r.raw().getHeaders().get("Location").startsWith("/masuk");
                }
                if (!ok) {
                    wrong.add((page.post() ? "POST " : "GET ") + page.path() + " as " + caller.getKey() + ": " + r.status() + ", expected " + expected);
                }
                checked++;
            }
        }
        assertThat(wrong).as("checked " + checked + " combinations").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(150);
        assertThat(operator.get("/api/certificates/" + certificate).get("status")).as("no empty form changed the certificate").isEqualTo("VALID");
    }
}
