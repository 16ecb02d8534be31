package id.piagam.certificate;

import id.piagam.programme.EventSessionRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is certified before it happened (today is 30 November 2026 in Jakarta), and what valid
 * certificates state does not change under them.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.clock.now", value = "2026-11-30T03:00:00Z")
class TimeRulesApiTest extends ApiTest {

    @Inject
    CertificateRepository certificates;
    @Inject
    EventSessionRepository sessions;

    private static Fixtures.EventBuilder bimtek(String start, String end, String... sessionDates) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < sessionDates.length; i++) {
            list.add(new HashMap<>(Map.of("date", sessionDates[i], "topic", "Materi " + (i + 1), "jp", 8)));
        }
        return Fixtures.aBimtek().with("startDate", start).with("endDate", end).with("sessions", list);
    }

    @Test
    void aFutureBimtekTakesNoAttendanceNorCertificateAndCreditsNothing() {
        Scenario s = Scenario.of(operator, bimtek("2027-03-01", "2027-03-02", "2027-03-01", "2027-03-02"));
        long p = s.absent(501, "Dewi Lestari");

        Api.Res attendance = operator.put("/api/events/" + s.eventId + "/sessions/" + s.sessionIds.get(0) + "/attendance",
                List.of(Map.of("participantId", p, "status", "HADIR")));
        assertThat(attendance.status()).isEqualTo(422);
        assertThat(attendance.get("type")).isEqualTo("https://piagam.id/problems/session-not-held");
        assertThat((String) attendance.get("detail")).contains("1 Maret 2027");
        assertThat(operator.get("/api/events/" + s.eventId + "/sessions/" + s.sessionIds.get(0) + "/attendance").list())
                .singleElement().satisfies(line -> assertThat(line.get("status")).isNull());

        Api.Res issue = s.issue(p);
        assertThat(issue.status()).isEqualTo(422);
        assertThat(issue.get("type")).isEqualTo("https://piagam.id/problems/event-not-ended");
        assertThat((String) issue.get("detail")).contains("2 Maret 2027");

        Api.Res job = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(job.get("issued")).isEqualTo(0);
        assertThat((List<?>) job.get("items")).singleElement()
                .satisfies(i -> assertThat((String) ((Map<?, ?>) i).get("reason")).contains("2 Maret 2027"));
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).isEmpty();
    }

    @Test
    void anEventNotEndedCompletesNoOneInRecordsNorInTheSiasnExport() {
        Scenario s = Scenario.of(operator, bimtek("2026-11-28", "2026-12-01", "2026-11-28", "2026-11-30"));
        long p = s.attending(502, "Rina Kartika");

        Map<String, Object> line = operator.get("/api/events/" + s.eventId + "/eligibility").list().get(0);
        assertThat(line.get("eligible")).isEqualTo(false);
        assertThat((List<?>) line.get("reasons")).singleElement().asString().contains("belum berakhir").contains("1 Desember 2026");

        Api.Res records = operator.get("/api/participants/" + p + "/records");
        Map<?, ?> event = (Map<?, ?>) ((List<?>) records.get("events")).get(0);
        assertThat(event.get("completed")).isEqualTo(false);
        assertThat(event.get("creditedJp")).isEqualTo(0);
        assertThat((List<Object>) records.get("totalsPerYear")).containsExactly(Map.of("year", 2026, "jp", 0, "targetJp", 20, "targetMet", false, "status", "SHORT", "gap", 20));
        assertThat(s.issue(p).get("type")).isEqualTo("https://piagam.id/problems/event-not-ended");
        String siasn = operator.get("/api/participants/" + p + "/siasn.csv").body();
        assertThat(siasn).doesNotContain("Bimtek SIPD");
    }

    @Test
    void certificatesAreNotDatedBeforeTheLastDayNorIssuedBeforeTheirDate() {
        Api.Res early = operator.post("/api/events", bimtek("2026-11-02", "2026-11-04", "2026-11-02")
                .with("certificate", Map.of("issueDate", "2026-11-03", "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))).body());
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.errorFields()).containsExactly("certificate.issueDate");

        Scenario s = Scenario.of(operator, bimtek("2026-11-02", "2026-11-04", "2026-11-02")
                .with("certificate", Map.of("issueDate", "2026-12-07", "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))));
        long p = s.attending(503, "Bambang Sutrisno");
        Api.Res issue = s.issue(p);
        assertThat(issue.status()).isEqualTo(422);
        assertThat(issue.get("type")).isEqualTo("https://piagam.id/problems/issue-date-not-reached");
        assertThat((String) issue.get("detail")).contains("7 Desember 2026");
    }

    @Test
    void attendanceIsTakenOnTheSessionDay() {
        Scenario s = Scenario.of(operator, bimtek("2026-11-30", "2026-11-30", "2026-11-30"));
        long p = s.attending(504, "Sri Wahyuni");
        assertThat(operator.get("/api/events/" + s.eventId + "/sessions/" + s.sessionIds.get(0) + "/attendance").list())
                .singleElement().satisfies(line -> assertThat(line.get("status")).isEqualTo("HADIR"));
        Api.Res issued = s.issue(p);
        assertThat(issued.status()).isEqualTo(201);
    }

    @Test
    void whatValidCertificatesStateCannotChangeUntilTheyAreRevoked() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(8));
        long p = s.attending(505, "Agus Salim");
        Api.Res issued = s.issue(p);
        assertThat(issued.status()).isEqualTo(201);
        long sid = s.sessionIds.get(0);
        Map<String, Object> longer = Fixtures.aBimtek().with("title", "Bimtek SIPD Lanjutan")
                .with("sessions", List.of(Map.of("id", sid, "date", "2026-03-02", "topic", "Materi 1", "jp", 10))).body();
        Api.Res refused = operator.put("/api/events/" + s.eventId, longer);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.get("type")).isEqualTo("https://piagam.id/problems/event-certified");
        assertThat(refused.errorFields()).containsExactly("title", "sessions");
        assertThat((String) refused.get("detail")).contains("1 ").contains("Cabut");
        assertThat(sessions.findByEventIdOrderByPosition(s.eventId).get(0).jp()).isEqualTo(8);

        String code = (String) issued.get("verificationCode");
        assertThat(anonymous.get("/api/verify/" + code).body()).contains("\"jp\":8").contains("\"eventTitle\":\"Bimtek SIPD\"");
        Map<?, ?> record = (Map<?, ?>) ((List<?>) operator.get("/api/participants/" + p + "/records").get("events")).get(0);
        assertThat(record.get("totalJp")).isEqualTo(8);
        assertThat(record.get("title")).isEqualTo("Bimtek SIPD");

        Map<String, Object> facilitator = Fixtures.aBimtek().with("sessions", List.of(Map.of("id", sid, "date", "2026-03-02",
                "topic", "Materi 1", "jp", 8, "facilitator", "Ir. Budi Santoso"))).body();
        assertThat(operator.put("/api/events/" + s.eventId, facilitator).status()).isEqualTo(200);

        assertThat(admin.post("/api/certificates/" + issued.id() + "/revoke", Map.of("reason", "JP salah ketik")).status()).isEqualTo(200);
        assertThat(operator.put("/api/events/" + s.eventId, longer).status()).isEqualTo(200);
        assertThat(sessions.findByEventIdOrderByPosition(s.eventId).get(0).jp()).isEqualTo(10);
    }

    @Test
    void noDayHoldsMoreThanTwelveJp() {
        List<Map<String, Object>> list = List.of(Map.of("date", "2026-03-02", "topic", "A", "jp", 24),
                Map.of("date", "2026-03-02", "topic", "B", "jp", 24), Map.of("date", "2026-03-03", "topic", "C", "jp", 8));
        Api.Res r = operator.post("/api/events", Fixtures.aBimtek().with("sessions", list).body());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("sessions[0].jp");
            assertThat((String) e.get("message")).contains("2 Maret 2026").contains("24").contains("12");
        });
    }

    @Test
    void pagesShowTheRefusalsWhereTheUserLooks() {
        Scenario future = Scenario.of(operator, bimtek("2027-03-01", "2027-03-02", "2027-03-01"));
        long p = future.absent(506, "Eko Prasetyo");
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        long session = future.sessionIds.get(0);
        Api.Res grid = browser.post("/kegiatan/" + future.eventId + "/kehadiran", Map.of("_csrf", browser.csrf(), "s" + session + ".p" + p, "HADIR"));
        assertThat(grid.status()).isEqualTo(422);
        assertThat(Jsoup.parse(grid.body()).getElementById("s" + session + ".p" + p + "-error").text())
                .startsWith("Eko Prasetyo, S.Kom., sesi 1: ").contains("1 Maret 2027");

        Scenario done = Scenario.of(operator, Fixtures.aBimtek().withSessions(8));
        assertThat(done.issue(done.attending(507, "Fajar Nugroho")).status()).isEqualTo(201);
        Document edit = Jsoup.parse(browser.get("/kegiatan/" + done.eventId + "/ubah").body());
        Map<String, String> form = Browser.fields(edit, "#event-form");
        form.put("sessions[0].jp", "10");
        Api.Res refused = browser.post("/kegiatan/" + done.eventId + "/ubah", form);
        assertThat(refused.status()).as(() -> Jsoup.parse(refused.body()).select("#problems").text()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).selectFirst("#problems").text()).contains("cabut");
        assertThat(sessions.findByEventIdOrderByPosition(done.eventId).get(0).jp()).isEqualTo(8);
    }
}
