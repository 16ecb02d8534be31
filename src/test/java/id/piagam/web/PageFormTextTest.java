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
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text typed into a page form follows the same rule as a JSON body's (text/CleanText): a NUL, a
 * right-to-left override, a zero-width space or a flood of combining marks in any free-text field of
 * any page form answers 400 with the message at that field's input, and nothing is written.
 */
@MicronautTest(transactional = false)
class PageFormTextTest extends ApiTest {

    @Inject
    ParticipantRepository participants;
    @Inject
    EventRepository events;
    @Inject
    UserRepository users;
    @Inject
    GradeScales scales;

    /** One page form with one free-text field filled with the hostile text; the rest of the form is valid. */
    private record Form(String name, String path, String field, Map<String, String> fields) {
    }

    private static long person;
    private static long eventId;
    private static long certificate;
    private static long staff;

    static Stream<Arguments> hostileTexts() {
        return Stream.of(
                Arguments.of("NUL", "Dinas\u0000Kominfo", "karakter kendali"),
                Arguments.of("escape", "Dinas\u001b[31mKominfo", "karakter kendali"),
                Arguments.of("right-to-left override", "Dinas \u202EofnimoK", "pengubah arah"),
                Arguments.of("zero-width space", "Dinas\u200BKominfo", "tak terlihat"),
                Arguments.of("byte-order mark", "\uFEFFDinas Kominfo", "tak terlihat"),
                Arguments.of("149 combining marks", "Sri" + "\u0301".repeat(149), "diakritik"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTexts")
    void everyPageFormRefusesTheTextAtItsFieldAndWritesNothing(String label, String text, String message) {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        prepare();
        String csrf = browser.csrf();
        Document personPage = Jsoup.parse(browser.get("/peserta/" + person).body());
        Document eventPage = Jsoup.parse(browser.get("/kegiatan/" + eventId + "/ubah").body());
        List<Form> forms = List.of(
                new Form("new participant", "/peserta/baru", "instansi",
                        Map.of("fullName", "Sri Wahyuni", "category", "NON_ASN", "nik", "3578014101900001")),
                new Form("participant's name", "/peserta/baru", "fullName", Map.of("category", "NON_ASN", "nik", "3578014101900001")),
                new Form("edit participant", "/peserta/" + person, "backTitle", Browser.fields(personPage, "form[novalidate]")),
                new Form("new event: session topic", "/kegiatan/baru", "sessions[0].topic", bimtek()),
                new Form("new event: signatory", "/kegiatan/baru", "certificate.signatory.name", bimtek()),
                new Form("edit event: title", "/kegiatan/" + eventId + "/ubah", "title", Browser.fields(eventPage, "#event-form")),
                new Form("edit event: second session's topic", "/kegiatan/" + eventId + "/ubah", "sessions[1].topic",
                        Browser.fields(eventPage, "#event-form")),
                new Form("new user", "/admin/pengguna", "displayName",
                        Map.of("username", "baru", "password", "kata-sandi-yang-panjang-9", "role", "OPERATOR")),
                new Form("edit user", "/admin/pengguna/" + staff, "displayName", Map.of("role", "OPERATOR", "enabled", "on")),
                new Form("grade scale name", "/admin/skala-nilai", "name",
                        Map.of("code", "UJI", "bands[0].label", "Lulus", "bands[0].lowerBound", "0", "bands[0].passing", "on")),
                new Form("grade band label", "/admin/skala-nilai", "bands[0].label",
                        Map.of("code", "UJI", "name", "Uji", "bands[0].lowerBound", "0", "bands[0].passing", "on")),
                new Form("identity correction", "/sertifikat/" + certificate + "/identitas", "identityValue",
                        Map.of("identityField", "instansi")),
                new Form("revocation reason", "/sertifikat/" + certificate + "/cabut", "revokeReason", Map.of()),
                new Form("reissue reason", "/sertifikat/" + certificate + "/terbitkan-ulang", "reissueReason", Map.of()));

        Supplier<List<Object>> state = () -> List.of(participants.count(), events.count(), users.count(), scales.list().size(),
                operator.get("/api/participants/" + person).get("backTitle"), operator.get("/api/events/" + eventId).get("title"),
                operator.get("/api/certificates/" + certificate).get("status"), admin.get("/api/users").list().toString(),
                operator.get("/api/events/" + eventId + "/enrolments/" + person + "/identity/corrections").body(),
                ((Map<?, ?>) ((List<?>) operator.get("/api/events/" + eventId).get("sessions")).get(1)).get("topic"));
        List<Object> before = state.get();
        List<String> wrong = new ArrayList<>();
        for (Form f : forms) {
            Map<String, String> form = new HashMap<>(f.fields());
            form.put(f.field(), text);
            form.put("_csrf", csrf);
            Api.Res r = browser.post(f.path(), form);
            Element error = Jsoup.parse(r.body()).getElementById(f.field() + "-error");
            if (r.status() != 400) {
                wrong.add(f.name() + ": " + r.status());
            } else if (error == null || !error.text().contains(message)) {
                wrong.add(f.name() + ": no message at " + f.field() + (error == null ? "" : " (" + error.text() + ")"));
            }
        }
        assertThat(wrong).as(label).isEmpty();
        assertThat(state.get()).as("nothing written").isEqualTo(before);
    }

    @Test
    void textIsStoredInNfcFromAPageForm() {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Map<String, String> form = new HashMap<>(Map.of("fullName", "Rene\u0301 Sitompul", "category", "NON_ASN", "nik", "3578014101900002",
                "instansi", "Dinas Pariwisata\tdan Budaya".replace('\t', ' ') + " Cafe\u0301"));
        form.put("_csrf", browser.csrf());
        Api.Res r = browser.post("/peserta/baru", form);
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        long id = Long.parseLong(r.raw().getHeaders().get("Location").replaceAll("\\D+", " ").trim().split(" ")[0]);
        Map<String, Object> stored = operator.get("/api/participants/" + id).map();
        assertThat(stored.get("fullName")).isEqualTo("Ren\u00e9 Sitompul");
        assertThat(stored.get("instansi")).isEqualTo("Dinas Pariwisata dan Budaya Caf\u00e9");
    }

    private static Map<String, String> bimtek() {
        Map<String, String> f = new HashMap<>(Map.of("kind", "BIMTEK", "title", "Bimtek Uji", "organiser", "BPSDM", "place", "Surabaya",
                "startDate", "2026-05-04", "endDate", "2026-05-05", "minAttendancePercent", "80", "mode", "LURING", "track", "KL10"));
        f.putAll(Map.of("sessions[0].date", "2026-05-04", "sessions[0].topic", "Materi", "sessions[0].jp", "4",
                "certificate.signatory.position", "Kepala Badan", "certificate.signatory.name", "Dr. Budi"));
        return f;
    }

    /** A participant with a certificate in a Diklat, and a staff account, made once for every text. */
    private void prepare() {
        if (certificate != 0) {
            return;
        }
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        person = s.attending(991, "Tri Handayani");
        s.scored(person, 90, 90);
        certificate = s.issue(person).id();
        eventId = s.eventId;
        staff = admin.post("/api/users", Map.of("username", "petugas", "password", "kata-sandi-petugas-7", "role", "OPERATOR",
                "displayName", "Petugas")).id();
    }
}
