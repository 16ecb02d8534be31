package id.piagam.web;

import id.piagam.account.UserRepository;
import id.piagam.assessment.GradeScales;
import id.piagam.participant.ParticipantRepository;
import id.piagam.programme.EventRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus against the pages' forms, as a signed-in administrator's browser sends them
 * (with a valid CSRF token, so each case reaches the rules): every one answers a 4xx page that names
 * what is wrong, none a 5xx or a stack trace, and nothing is written.
 */
@MicronautTest(transactional = false)
class HostilePageInputTest extends ApiTest {

    @Inject
    ParticipantRepository participants;
    @Inject
    EventRepository events;
    @Inject
    UserRepository users;
    @Inject
    GradeScales scales;

    private record Case(String name, String path, Map<String, String> fields) {
    }

    private static Map<String, String> person(String field, String value) {
        Map<String, String> f = new HashMap<>(Map.of("fullName", "Sri Wahyuni", "category", "NON_ASN", "nik", "3578014101900001"));
        f.put(field, value);
        return f;
    }

    private static Map<String, String> event(String field, String value) {
        Map<String, String> f = new HashMap<>(Map.of("kind", "BIMTEK", "title", "Bimtek Uji", "organiser", "BPSDM", "place", "Surabaya",
                "startDate", "2026-05-04", "endDate", "2026-05-05", "minAttendancePercent", "80", "mode", "LURING"));
        f.putAll(Map.of("sessions[0].date", "2026-05-04", "sessions[0].topic", "Materi", "sessions[0].jp", "4"));
        f.put(field, value);
        return f;
    }

    @Test
    void everyHostileFormIsRefusedWithAPageThatSaysWhyAndWritesNothing() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long p = s.attending(997, "Tri Handayani");
        long session = s.sessionIds.get(0);
        long component = ((Number) ((Map<?, ?>) ((List<?>) operator.get("/api/events/" + s.eventId).map().get("components")).get(0))
                .get("id")).longValue();
        s.scored(p, 90, 90);
        long certificate = s.issue(p).id();
        String longText = "x".repeat(100_000);
        List<Case> cases = new ArrayList<>(List.of(
                new Case("script tag in a name", "/peserta/baru", person("fullName", "<script>alert(1)</script>")),
                new Case("100,000-character name", "/peserta/baru", person("fullName", longText)),
                new Case("NUL in a name", "/peserta/baru", person("fullName", "Sri\u0000Wahyuni")),
                new Case("control characters in a name", "/peserta/baru", person("fullName", "Sri\u0007\u001bWahyuni")),
                new Case("SQL in a NIK", "/peserta/baru", person("nik", "' OR 1=1 --")),
                new Case("huge number as NIP", "/peserta/baru", person("nip", "1e400")),
                new Case("impossible date", "/peserta/baru", person("birthDate", "2026-02-30")),
                new Case("five-digit year", "/peserta/baru", person("birthDate", "99999-01-01")),
                new Case("unknown category", "/peserta/baru", person("category", "ADMIN")),
                new Case("unknown sex", "/peserta/baru", person("sex", "X")),
                new Case("email with a newline", "/peserta/baru", person("email", "a@b.id\r\nBcc: c@d.id")),
                new Case("end before start", "/kegiatan/baru", event("endDate", "2026-05-01")),
                new Case("unknown kind", "/kegiatan/baru", event("kind", "SUPER")),
                new Case("negative attendance threshold", "/kegiatan/baru", event("minAttendancePercent", "-5")),
                new Case("1e400 percent", "/kegiatan/baru", event("minAttendancePercent", "1e400")),
                new Case("negative JP", "/kegiatan/baru", event("sessions[0].jp", "-3")),
                new Case("JP beyond a long", "/kegiatan/baru", event("sessions[0].jp", "99999999999999999999")),
                new Case("fractional JP", "/kegiatan/baru", event("sessions[0].jp", "2,5")),
                new Case("month 13", "/kegiatan/baru", event("sessions[0].date", "2026-13-01")),
                new Case("session outside the event", "/kegiatan/baru", event("sessions[0].date", "2027-05-04")),
                new Case("100,000-character title", "/kegiatan/baru", event("title", longText)),
                new Case("path traversal in the code", "/kegiatan/baru", event("code", "../../etc")),
                new Case("path traversal in the template", "/kegiatan/baru", event("certificate.template", "../../../etc/passwd")),
                new Case("two counters in the number", "/kegiatan/baru", event("certificate.numberPattern", "{seq}/{seq}")),
                new Case("letters as validity", "/kegiatan/baru", event("certificate.validityMonths", "dua belas")),
                new Case("assessment on a Bimtek", "/kegiatan/baru", event("components[0].name", "Ujian")),
                new Case("score above 100", "/kegiatan/" + s.eventId + "/nilai", Map.of("n" + p + "." + component, "101")),
                new Case("negative score", "/kegiatan/" + s.eventId + "/nilai", Map.of("n" + p + "." + component, "-1")),
                new Case("NaN score", "/kegiatan/" + s.eventId + "/nilai", Map.of("n" + p + "." + component, "NaN")),
                new Case("three decimals", "/kegiatan/" + s.eventId + "/nilai", Map.of("n" + p + "." + component, "80,125")),
                new Case("SQL as attendance", "/kegiatan/" + s.eventId + "/kehadiran", Map.of("s" + session + ".p" + p, "'; DROP TABLE attendance; --")),
                new Case("path in a user name", "/admin/pengguna", Map.of("username", "../admin", "password", "kata-sandi-panjang", "role", "OPERATOR")),
                new Case("100,000-character password", "/admin/pengguna", Map.of("username", "panjang", "password", longText, "role", "OPERATOR")),
                new Case("participant role for staff", "/admin/pengguna", Map.of("username", "peserta1", "password", "kata-sandi-panjang", "role", "PARTICIPANT")),
                new Case("1e400 as a band", "/admin/skala-nilai", Map.of("code", "UJI", "name", "Uji", "bands[0].label", "A", "bands[0].lowerBound", "1e400")),
                new Case("space in a scale code", "/admin/skala-nilai", Map.of("code", "U J I", "name", "Uji", "bands[0].label", "A", "bands[0].lowerBound", "0")),
                new Case("10,000-character reason", "/sertifikat/" + certificate + "/cabut", Map.of("revokeReason", "x".repeat(10_000))),
                new Case("blank reason", "/sertifikat/" + certificate + "/terbitkan-ulang", Map.of("reissueReason", "   ")),
                new Case("NUL in the instansi", "/peserta/baru", person("instansi", "Dinas\u0000Kominfo")),
                new Case("right-to-left override in a back title", "/peserta/baru", person("backTitle", "S.Kom\u202E")),
                new Case("149 combining marks in a name", "/peserta/baru", person("fullName", "Sri" + "\u0301".repeat(149))),
                new Case("zero-width space in a session topic", "/kegiatan/baru", event("sessions[0].topic", "Ma\u200Bteri")),
                new Case("bidi override in the signatory", "/kegiatan/baru", event("certificate.signatory.name", "\u202EDr. Budi")),
                new Case("NUL in a display name", "/admin/pengguna", Map.of("username", "nul", "password", "kata-sandi-panjang-9",
                        "role", "OPERATOR", "displayName", "Nama\u0000")),
                new Case("zero-width in a band label", "/admin/skala-nilai", Map.of("code", "UJI", "name", "Uji", "bands[0].label",
                        "A\u200D", "bands[0].lowerBound", "0", "bands[0].passing", "on")),
                new Case("NUL in a revocation reason", "/sertifikat/" + certificate + "/cabut", Map.of("revokeReason", "salah\u0000cetak")),
                new Case("bidi override in an identity correction", "/sertifikat/" + certificate + "/identitas",
                        Map.of("identityField", "instansi", "identityValue", "\u202EPemkab"))));

        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        String csrf = browser.csrf();
        long people = participants.count();
        long eventCount = events.count();
        long userCount = users.count();
        int scaleCount = scales.list().size();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Map<String, String> form = new HashMap<>(c.fields());
            form.put("_csrf", csrf);
            Api.Res r = browser.post(c.path(), form);
            String text = Jsoup.parse(r.body()).text();
            if (r.status() < 400 || r.status() >= 500) {
                wrong.add(c.name() + ": " + r.status());
            } else if (!text.contains("Periksa kembali") && Jsoup.parse(r.body()).select("p.error, [role=alert]").isEmpty()) {
                wrong.add(c.name() + ": no message on the page");
            } else if (r.body().contains("Exception") || r.body().contains("at id.piagam")) {
                wrong.add(c.name() + ": internals on the page");
            }
        }
        assertThat(wrong).as(cases.size() + " hostile forms").isEmpty();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(45);
        assertThat(participants.count()).isEqualTo(people);
        assertThat(events.count()).isEqualTo(eventCount);
        assertThat(users.count()).isEqualTo(userCount);
        assertThat(scales.list()).hasSize(scaleCount);
        assertThat(operator.get("/api/certificates/" + certificate).get("status")).isEqualTo("VALID");
        assertThat(((Map<?, ?>) operator.get("/api/events/" + s.eventId + "/assessments").list().get(0).get("scores")).values())
                .allSatisfy(v -> assertThat(((Number) v).doubleValue()).isEqualTo(90.0));
    }
}
