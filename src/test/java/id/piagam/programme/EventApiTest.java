package id.piagam.programme;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class EventApiTest extends ApiTest {

    @Inject
    EventRepository events;
    @Inject
    EventSessionRepository sessions;

    @Test
    void createsADiklatWithDerivedJpAndTheDefaultScale() {
        Api.Res r = operator.post("/api/events", Fixtures.aDiklat().withSessions(4, 8, 8, 4).body());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.get("totalJp")).isEqualTo(24);
        assertThat(r.get("minutesPerJp")).isEqualTo(45);
        assertThat(r.get("passMark")).isEqualTo(70.0);
        Map<?, ?> scale = (Map<?, ?>) r.get("gradeScale");
        assertThat(scale.get("code")).isEqualTo("UMUM-4");
        assertThat((List<?>) scale.get("bands")).hasSize(4);
        assertThat((List<?>) r.get("sessions")).hasSize(4);
        assertThat(operator.get("/api/events/" + r.id()).get("trackLabel")).isEqualTo("Pelatihan teknis");
    }

    @Test
    void aBimtekWithAssessmentSettingsIsRefusedAsARule() {
        long before = events.count();
        Api.Res r = operator.post("/api/events", Fixtures.aBimtek().with("passMark", 70)
                .with("components", List.of(Map.of("name", "Ujian", "weight", 100))).body());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/assessment-requires-diklat");
        assertThat(r.errorFields()).containsExactly("components", "passMark");
        assertThat(events.count()).isEqualTo(before);

        Api.Res bimtek = operator.post("/api/events", Fixtures.aBimtek().body());
        assertThat(bimtek.status()).isEqualTo(201);
        assertThat(bimtek.get("track")).isEqualTo("KL10");
        assertThat(bimtek.map()).doesNotContainKeys("passMark", "components", "gradeScale");
    }

    @Test
    void refusesWeightsThatDoNotAddUpAndAPassMarkOffTheScale() {
        Api.Res weights = operator.post("/api/events", Fixtures.aDiklat()
                .with("components", List.of(Map.of("name", "Sikap", "weight", 20), Map.of("name", "Ujian", "weight", 70))).body());
        assertThat(weights.status()).isEqualTo(400);
        assertThat(weights.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("components");
            assertThat(e.get("message")).isEqualTo("Jumlah bobot komponen harus 100, sekarang 90.");
        });
        Api.Res passMark = operator.post("/api/events", Fixtures.aDiklat().with("passMark", 75).body());
        assertThat(passMark.status()).isEqualTo(400);
        assertThat(passMark.errorFields()).containsExactly("passMark");
    }

    @Test
    void refusesReversedDatesSessionsOutsideAndNegativeJp() {
        Map<String, Object> body = Fixtures.aBimtek().with("endDate", "2026-03-01").body();
        assertThat(operator.post("/api/events", body).errorFields()).contains("endDate");
        List<Map<String, Object>> sessions = List.of(Map.of("date", "2026-04-01", "topic", "Materi", "jp", 2),
                Map.of("date", "2026-03-02", "topic", "Materi", "jp", -1));
        Api.Res r = operator.post("/api/events", Fixtures.aBimtek().with("sessions", sessions).body());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("sessions[1].jp");
        Api.Res outside = operator.post("/api/events", Fixtures.aBimtek().with("sessions", sessions.subList(0, 1)).body());
        assertThat(outside.errorFields()).containsExactly("sessions[0].date");
        assertThat(operator.post("/api/events", Fixtures.aBimtek().with("minAttendancePercent", 120).body()).errorFields())
                .containsExactly("minAttendancePercent");
    }

    @Test
    void updateKeepsSessionsByIdAndRefusesToDropOneWithAttendanceChangingNothing() {
        Api.Res created = operator.post("/api/events", Fixtures.aBimtek().withSessions(4, 4, 4).body());
        long eventId = created.id();
        List<Map<String, Object>> current = new ArrayList<>();
        for (Object o : (List<?>) created.get("sessions")) {
            current.add(new HashMap<>((Map<String, Object>) o));
        }
        long person = participant(50, "Agus Salim");
        operator.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", person));
        Object firstSession = current.get(0).get("id");
        assertThat(operator.put("/api/events/" + eventId + "/sessions/" + firstSession + "/attendance",
                List.of(Map.of("participantId", person, "status", "HADIR"))).status()).isEqualTo(200);

        // rename the event, change a topic and drop the session that has attendance: all or nothing
        Map<String, Object> update = Fixtures.aBimtek().with("title", "Judul baru").with("sessions", current.subList(1, 3)).body();
        current.get(1).put("topic", "Topik baru");
        Api.Res refused = operator.put("/api/events/" + eventId, update);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("type")).isEqualTo("https://piagam.id/problems/session-has-attendance");
        assertThat(events.findById(eventId).orElseThrow().title()).isEqualTo("Bimtek SIPD");
        assertThat(sessions.findByEventIdOrderByPosition(eventId)).extracting(EventSession::topic)
                .containsExactly("Materi 1", "Materi 2", "Materi 3");

        // keeping it works, and adding a session without id adds one
        List<Map<String, Object>> kept = new ArrayList<>(current);
        kept.add(Map.of("date", "2026-03-05", "topic", "Sesi tambahan", "jp", 2));
        Api.Res ok = operator.put("/api/events/" + eventId, Fixtures.aBimtek().with("title", "Judul baru").with("sessions", kept).body());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.get("totalJp")).isEqualTo(14);
        assertThat(sessions.findByEventIdOrderByPosition(eventId)).extracting(EventSession::topic)
                .containsExactly("Materi 1", "Topik baru", "Materi 3", "Sesi tambahan");
        assertThat(sessions.findByEventIdOrderByPosition(eventId).get(0).id()).isEqualTo(((Number) firstSession).longValue());

        Map<String, Object> foreign = Fixtures.aBimtek().with("sessions", List.of(Map.of("id", 987654, "date", "2026-03-02",
                "topic", "x", "jp", 1))).body();
        assertThat(operator.put("/api/events/" + eventId, foreign).errorFields()).containsExactly("sessions[0].id");
    }

    @Test
    void theKindCannotChangeOnceSomeoneIsEnrolled() {
        long eventId = operator.post("/api/events", Fixtures.aBimtek().body()).id();
        operator.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", participant(60, "Joko Susilo")));
        Api.Res r = operator.put("/api/events/" + eventId, Fixtures.aDiklat().body());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/kind-locked");
    }

    @Test
    void listsAndFiltersEvents() {
        operator.post("/api/events", Fixtures.aBimtek().with("title", "Bimtek Arsip Digital").body());
        operator.post("/api/events", Fixtures.aDiklat().with("title", "Pelatihan Arsip Dinamis").body());
        Api.Res all = operator.get("/api/events?q=arsip");
        assertThat(all.get("total")).isEqualTo(2);
        Api.Res diklat = operator.get("/api/events?q=arsip&kind=DIKLAT&year=2026");
        assertThat(diklat.get("total")).isEqualTo(1);
        assertThat(((Map<?, ?>) ((List<?>) diklat.get("items")).get(0)).get("totalJp")).isEqualTo(8);
        assertThat(operator.get("/api/events/424242").status()).isEqualTo(404);
    }
}
