package id.piagam.certificate;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusals of the role documents, and where they show: records, SIASN, verification, an event's own series. */
@MicronautTest(transactional = false)
class RoleRulesApiTest extends ApiTest {

    private long enrol(long eventId, long person, String role, String function) {
        Map<String, Object> body = new HashMap<>(Map.of("participantId", person, "role", role));
        if (function != null) {
            body.put("panitiaFunction", function);
        }
        Api.Res r = operator.post("/api/events/" + eventId + "/enrolments", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    @SuppressWarnings("unchecked")
    private Api.Res link(Fixtures.EventBuilder event, Scenario s, Long facilitator, Long moderator) {
        Map<String, Object> body = new HashMap<>(event.body());
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<Map<String, Object>> given = (List<Map<String, Object>>) body.get("sessions");
        for (int i = 0; i < given.size(); i++) {
            Map<String, Object> session = new HashMap<>(given.get(i));
            session.put("id", s.sessionIds.get(i));
            if (i == 0) {
                session.put("facilitatorEnrolmentId", facilitator);
                session.put("moderatorEnrolmentId", moderator);
            }
            sessions.add(session);
        }
        body.put("sessions", sessions);
        return operator.put("/api/events/" + s.eventId, body);
    }

    private Api.Res issue(long eventId, long person, String kind) {
        return operator.post("/api/events/" + eventId + "/enrolments/" + person + "/certificate", kind == null ? Map.of() : Map.of("kind", kind));
    }

    @Test
    void aSessionNamesOnlyANarasumberAndAModeratorOfItsOwnEventAndNothingIsWrittenOtherwise() {
        Fixtures.EventBuilder event = Fixtures.aBimtek();
        Scenario s = Scenario.of(operator, event);
        long peserta = s.attending(4001, "Peserta Satu");
        long pesertaEnrolment = ((Number) operator.get("/api/events/" + s.eventId + "/enrolments/" + peserta).get("id")).longValue();
        long moderator = enrol(s.eventId, participant(4002, "Moderator Satu"), "MODERATOR", null);
        Api.Res before = operator.get("/api/events/" + s.eventId);

        Api.Res wrong = link(event, s, pesertaEnrolment, pesertaEnrolment);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactlyInAnyOrder("sessions[0].facilitatorEnrolmentId", "sessions[0].moderatorEnrolmentId");
        Api.Res swapped = link(event, s, moderator, null);
        assertThat(swapped.status()).isEqualTo(400);
        assertThat(swapped.errorFields()).containsExactly("sessions[0].facilitatorEnrolmentId");
        assertThat(swapped.errors().get(0).get("message").toString()).contains("bukan narasumber");
        Api.Res english = operator.inLanguage("en").post("/api/events", event.body().entrySet().stream().collect(HashMap::new,
                (m, e) -> m.put(e.getKey(), e.getKey().equals("sessions") ? List.of(Map.of("date", "2026-03-02", "topic", "Materi", "jp", 4,
                        "moderatorEnrolmentId", moderator)) : e.getValue()), HashMap::putAll));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.errorFields()).containsExactly("sessions[0].moderatorEnrolmentId");
        assertThat(english.errors().get(0).get("message").toString()).contains("is not a moderator enrolled in this event");
        assertThat(operator.get("/api/events/" + s.eventId).body()).isEqualTo(before.body());
    }

    @Test
    void aFunctionIsOnlyForThePanitiaAndLeavingThePanitiaDropsIt() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long person = participant(4011, "Panitia Satu");
        Api.Res refused = operator.post("/api/events/" + s.eventId + "/enrolments", Map.of("participantId", person, "role", "PESERTA",
                "panitiaFunction", "KETUA"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("panitiaFunction");
        assertThat(((List<?>) operator.get("/api/events/" + s.eventId + "/enrolments").json())).isEmpty();
        Api.Res unknown = operator.post("/api/events/" + s.eventId + "/enrolments", Map.of("participantId", person, "role", "PANITIA",
                "panitiaFunction", "RAJA"));
        assertThat(unknown.status()).isEqualTo(400);

        enrol(s.eventId, person, "PANITIA", "WAKIL_KETUA");
        assertThat(operator.get("/api/events/" + s.eventId + "/enrolments/" + person).get("panitiaFunction")).isEqualTo("WAKIL_KETUA");
        Api.Res moved = operator.put("/api/events/" + s.eventId + "/enrolments/" + person, Map.of("role", "PESERTA"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.get("panitiaFunction")).isNull();
    }

    @Test
    void eachRoleIsRefusedWithItsReasonAndNoneGetsACompetencyCertificate() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long narasumber = participant(4021, "Narasumber Tanpa Sesi");
        enrol(s.eventId, narasumber, "NARASUMBER", null);
        long moderator = participant(4022, "Moderator Tanpa Sesi");
        enrol(s.eventId, moderator, "MODERATOR", null);
        long panitia = participant(4023, "Panitia Tanpa Jabatan");
        enrol(s.eventId, panitia, "PANITIA", null);

        Map<Object, Map<String, Object>> byPerson = new HashMap<>();
        operator.get("/api/events/" + s.eventId + "/eligibility").list().forEach(e -> byPerson.put(((Number) e.get("participantId")).longValue(), e));
        assertThat(byPerson.get(narasumber).get("eligible")).isEqualTo(false);
        assertThat(byPerson.get(narasumber).get("reasons").toString()).contains("narasumber tanpa sesi yang diajarkan");
        assertThat(byPerson.get(moderator).get("reasons").toString()).contains("moderator tanpa sesi yang dimoderatori");
        assertThat(byPerson.get(panitia).get("reasons").toString()).contains("panitia tanpa jabatan kepanitiaan");
        Map<?, ?> english = operator.inLanguage("en").get("/api/events/" + s.eventId + "/eligibility").list().stream()
                .filter(e -> ((Number) e.get("participantId")).longValue() == panitia).findFirst().orElseThrow();
        assertThat(english.get("reasons").toString()).contains("committee member without a function");

        for (long person : List.of(narasumber, moderator, panitia)) {
            Api.Res refused = issue(s.eventId, person, null);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.get("type").toString()).endsWith("/not-eligible");
        }
        operator.put("/api/events/" + s.eventId + "/enrolments/" + panitia, Map.of("panitiaFunction", "ANGGOTA"));
        Api.Res competency = issue(s.eventId, panitia, "COMPETENCY");
        assertThat(competency.status()).isEqualTo(422);
        assertThat(competency.get("type").toString()).endsWith("/not-eligible");
        assertThat(operator.get("/api/events/" + s.eventId + "/certificates").list()).isEmpty();
        Api.Res piagam = issue(s.eventId, panitia, "PANITIA");
        assertThat(piagam.status()).as(piagam.body()).isEqualTo(201);
        assertThat(piagam.get("kind")).isEqualTo("PANITIA");
    }

    @Test
    void nothingForARoleBeforeTheEventHasEnded() {
        Fixtures.EventBuilder event = Fixtures.aBimtek().with("startDate", "2099-03-02").with("endDate", "2099-03-06").withSessions(4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) event.body().get("sessions");
        sessions.get(0).put("date", "2099-03-02");
        event.with("certificate", null);
        Scenario s = Scenario.of(operator, event);
        long panitia = participant(4031, "Panitia Masa Depan");
        enrol(s.eventId, panitia, "PANITIA", "KETUA");
        Api.Res early = issue(s.eventId, panitia, null);
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(early.get("type").toString()).endsWith("/event-not-ended");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNarasumbersTeachingHoursAreNotTheirTrainingJpNorInSiasnAndVerificationStatesTheRole() {
        long person = participant(4041, "Dwi Narasumber");
        // taught one session of 4 JP at one event...
        Fixtures.EventBuilder taughtEvent = Fixtures.aBimtek().with("title", "Bimtek Tata Naskah").withSessions(4, 4);
        Scenario taught = Scenario.of(operator, taughtEvent);
        long enrolment = enrol(taught.eventId, person, "NARASUMBER", null);
        assertThat(link(taughtEvent, taught, enrolment, null).status()).isEqualTo(200);
        Api.Res piagam = issue(taught.eventId, person, null);
        assertThat(piagam.status()).as(piagam.body()).isEqualTo(201);
        assertThat(piagam.get("kind")).isEqualTo("NARASUMBER");
        // ...and attended another as peserta (8 JP)
        Scenario attended = Scenario.of(operator, Fixtures.aBimtek().with("title", "Bimtek Kearsipan").withSessions(4, 4));
        enrolAndAttend(attended, person);
        assertThat(issue(attended.eventId, person, null).status()).isEqualTo(201);

        Api.Res records = operator.get("/api/participants/" + person + "/records");
        List<Map<String, Object>> events = (List<Map<String, Object>>) records.get("events");
        Map<String, Object> asNarasumber = events.stream().filter(e -> e.get("title").equals("Bimtek Tata Naskah")).findFirst().orElseThrow();
        assertThat(asNarasumber.get("role")).isEqualTo("NARASUMBER");
        assertThat(asNarasumber.get("creditedJp")).isEqualTo(0);
        assertThat((List<Map<String, Object>>) asNarasumber.get("certificates")).singleElement()
                .satisfies(c -> assertThat(c.get("kind")).isEqualTo("NARASUMBER"));
        assertThat(((List<Map<String, Object>>) records.get("totalsPerYear")).get(0).get("jp")).isEqualTo(8);

        String siasn = operator.get("/api/participants/" + person + "/siasn.csv").body();
        assertThat(siasn).contains("Bimtek Kearsipan").doesNotContain("Bimtek Tata Naskah");

        Api.Res verified = anonymous.get("/api/verify/" + piagam.get("verificationCode"));
        assertThat(verified.get("kind")).isEqualTo("NARASUMBER");
        assertThat(verified.get("role")).isEqualTo("Narasumber");
        assertThat(verified.get("jp")).isEqualTo(4);
        assertThat(verified.get("title")).isEqualTo("PIAGAM PENGHARGAAN");
        assertThat(anonymous.get("/verify/" + piagam.get("verificationCode")).body()).contains("Peran").contains(">Narasumber<");
    }

    @Test
    void theEventFormOffersTheEnrolledNarasumberAndModeratorPerSessionAndKeepsTheLinksAndTheEventPageNamesRoles() {
        Fixtures.EventBuilder event = Fixtures.aBimtek();
        Scenario s = Scenario.of(operator, event);
        long narasumber = enrol(s.eventId, participant(4061, "Narasumber Formulir"), "NARASUMBER", null);
        long moderator = enrol(s.eventId, participant(4062, "Moderator Formulir"), "MODERATOR", null);
        enrol(s.eventId, participant(4063, "Panitia Formulir"), "PANITIA", "SEKRETARIS");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document edit = Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/ubah").body());
        assertThat(edit.select("select[name=sessions[0].facilitatorEnrolmentId] option").eachText())
                .containsExactly("–", "Narasumber Formulir, S.Kom.");
        assertThat(edit.select("select[name=sessions[0].moderatorEnrolmentId] option").eachText())
                .containsExactly("–", "Moderator Formulir, S.Kom.");
        Map<String, String> form = Browser.fields(edit, "#event-form");
        form.put("sessions[0].facilitatorEnrolmentId", Long.toString(narasumber));
        form.put("sessions[1].moderatorEnrolmentId", Long.toString(moderator));
        Api.Res saved = browser.post("/kegiatan/" + s.eventId + "/ubah", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        List<?> sessions = (List<?>) operator.get("/api/events/" + s.eventId).get("sessions");
        assertThat(((Map<?, ?>) sessions.get(0)).get("facilitatorEnrolmentId")).isEqualTo((int) narasumber);
        assertThat(((Map<?, ?>) sessions.get(1)).get("moderatorEnrolmentId")).isEqualTo((int) moderator);

        // saved again unchanged from the page, the links stay
        Map<String, String> again = Browser.fields(Jsoup.parse(browser.get("/kegiatan/" + s.eventId + "/ubah").body()), "#event-form");
        assertThat(again).containsEntry("sessions[0].facilitatorEnrolmentId", Long.toString(narasumber));
        assertThat(browser.post("/kegiatan/" + s.eventId + "/ubah", again).status()).isEqualTo(303);
        assertThat(((Map<?, ?>) ((List<?>) operator.get("/api/events/" + s.eventId).get("sessions")).get(0)).get("facilitatorEnrolmentId"))
                .isEqualTo((int) narasumber);

        Document page = Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body());
        assertThat(page.select("#eligibility small.role").eachText())
                .containsExactlyInAnyOrder("Narasumber", "Moderator", "Panitia · Sekretaris");
    }

    private void enrolAndAttend(Scenario s, long person) {
        operator.post("/api/events/" + s.eventId + "/enrolments", Map.of("participantId", person));
        for (long session : s.sessionIds) {
            operator.put("/api/events/" + s.eventId + "/sessions/" + session + "/attendance", List.of(Map.of("participantId", person, "status", "HADIR")));
        }
    }

    @Test
    void anEventMayNumberEachRoleInASeriesOfItsOwnAndAPatternThatCollidesIsRefusedAtItsField() {
        Map<String, Object> certificate = new HashMap<>((Map<String, Object>) Fixtures.aBimtek().body().get("certificate"));
        certificate.put("numberPattern", "RLS/{seq:3}/P");
        certificate.put("roleNumberPatterns", Map.of("narasumber", "RLS/{seq:3}/NS", "panitia", "RLS/{seq:3}/PAN"));
        Fixtures.EventBuilder event = Fixtures.aBimtek().with("certificate", certificate);
        Scenario s = Scenario.of(operator, event);
        long peserta = s.attending(4051, "Peserta Seri");
        long panitia = participant(4052, "Panitia Seri");
        enrol(s.eventId, panitia, "PANITIA", "BENDAHARA");
        assertThat(((Map<?, ?>) ((Map<?, ?>) operator.get("/api/events/" + s.eventId).get("certificate")).get("roleNumberPatterns")).get("panitia"))
                .isEqualTo("RLS/{seq:3}/PAN");
        assertThat(issue(s.eventId, panitia, null).get("number")).isEqualTo("RLS/001/PAN");
        assertThat(issue(s.eventId, peserta, null).get("number")).isEqualTo("RLS/001/P");

        Map<String, Object> clash = new HashMap<>(certificate);
        clash.put("numberPattern", null);
        clash.put("roleNumberPatterns", Map.of("moderator", "RLS/{seq:3}/{event}"));
        Api.Res refused = operator.post("/api/events", Fixtures.aBimtek().with("code", "PAN").with("certificate", clash).body());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("certificate.roleNumberPatterns.moderator");
        Api.Res invalid = operator.post("/api/events", Fixtures.aBimtek().with("certificate",
                Map.of("roleNumberPatterns", Map.of("narasumber", "NS/no-counter")) ).body());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).contains("certificate.roleNumberPatterns.narasumber");
    }
}
