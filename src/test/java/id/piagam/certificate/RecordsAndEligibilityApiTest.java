package id.piagam.certificate;

import id.piagam.attendance.AttendanceRepository;
import id.piagam.assessment.ScoreRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole secretariat flow up to eligibility: enrol, attendance per session, scores, then records. */
@MicronautTest(transactional = false)
class RecordsAndEligibilityApiTest extends ApiTest {

    @Inject
    AttendanceRepository attendance;
    @Inject
    ScoreRepository scores;

    private List<Long> sessionIds(Api.Res event) {
        return ((List<?>) event.get("sessions")).stream().map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
    }

    private void mark(long eventId, long sessionId, Map<Long, String> statuses) {
        List<Map<String, Object>> sheet = statuses.entrySet().stream()
                .map(e -> Map.<String, Object>of("participantId", e.getKey(), "status", e.getValue())).toList();
        Api.Res r = operator.put("/api/events/" + eventId + "/sessions/" + sessionId + "/attendance", sheet);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aDiklatDecidesEachParticipantWithReasons() {
        Api.Res event = operator.post("/api/events", Fixtures.aDiklat().withSessions(4, 8, 8, 4).with("minAttendancePercent", 80).body());
        long eventId = event.id();
        List<Long> s = sessionIds(event);
        long lulus = participant(101, "Ahmad Fauzi");
        long bolos = participant(102, "Budi Santoso");
        long gagal = participant(103, "Citra Lestari");
        for (long p : List.of(lulus, bolos, gagal)) {
            assertThat(operator.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", p)).status()).isEqualTo(201);
        }
        mark(eventId, s.get(0), Map.of(lulus, "HADIR", bolos, "HADIR", gagal, "TERLAMBAT"));
        mark(eventId, s.get(1), Map.of(lulus, "HADIR", bolos, "SAKIT", gagal, "HADIR"));
        mark(eventId, s.get(2), Map.of(lulus, "TERLAMBAT", bolos, "HADIR", gagal, "HADIR"));
        mark(eventId, s.get(3), Map.of(lulus, "IZIN", bolos, "HADIR", gagal, "HADIR"));

        assertThat(operator.put("/api/events/" + eventId + "/assessments/" + lulus, Map.of("scores", Map.of("Sikap", 85.5, "Ujian", 80))).get("finalScore"))
                .isEqualTo(81.1);
        operator.put("/api/events/" + eventId + "/assessments/" + bolos, Map.of("scores", Map.of("Sikap", 90, "Ujian", 90)));
        Api.Res failed = operator.put("/api/events/" + eventId + "/assessments/" + gagal, Map.of("scores", Map.of("Sikap", 70, "ujian", 68.12)));
        assertThat(failed.get("finalScore")).isEqualTo(68.5);
        assertThat(failed.get("result")).isEqualTo("TIDAK_LULUS");
        assertThat(failed.get("kualifikasi")).isEqualTo("Kurang Memuaskan");

        Map<Object, Map<String, Object>> eligibility = operator.get("/api/events/" + eventId + "/eligibility").list().stream()
                .collect(Collectors.toMap(m -> ((Number) m.get("participantId")).longValue(), m -> m));
        assertThat(eligibility.get(lulus)).containsEntry("eligible", true).containsEntry("kind", "COMPETENCY")
                .containsEntry("attendanceRate", 83.33).containsEntry("kualifikasi", "Memuaskan");
        assertThat(eligibility.get(bolos)).containsEntry("eligible", false).containsEntry("reasons", List.of("kehadiran 66,66% < 80%"));
        assertThat(eligibility.get(gagal)).containsEntry("eligible", false).containsEntry("reasons", List.of("nilai akhir 68,50 < 70"));
        // the same reasons for an English reader, and as codes with arguments for programs
        Map<Object, Map<String, Object>> english = operator.inLanguage("en").get("/api/events/" + eventId + "/eligibility").list().stream()
                .collect(Collectors.toMap(m -> ((Number) m.get("participantId")).longValue(), m -> m));
        assertThat(english.get(bolos)).containsEntry("reasons", List.of("attendance 66.66% < 80%"));
        assertThat(english.get(gagal)).containsEntry("reasons", List.of("final score 68.50 < 70"));
        assertThat(eligibility.get(gagal).get("reasonCodes")).isEqualTo(english.get(gagal).get("reasonCodes"))
                .isEqualTo(List.of(Map.of("code", "eligibility.scoreBelow", "args", List.of(68.5, 70.0))));
        assertThat(eligibility.get(lulus)).containsEntry("reasons", List.of()).containsEntry("reasonCodes", List.of());
        Map<?, ?> englishRecord = (Map<?, ?>) ((List<?>) operator.inLanguage("en").get("/api/participants/" + gagal + "/records")
                .get("events")).get(0);
        assertThat(englishRecord.get("reasons")).isEqualTo(List.of("final score 68.50 < 70"));

        Api.Res records = operator.get("/api/participants/" + lulus + "/records");
        assertThat(records.status()).isEqualTo(200);
        Map<?, ?> line = (Map<?, ?>) ((List<?>) records.get("events")).get(0);
        assertThat(line.get("kind")).isEqualTo("DIKLAT");
        assertThat(line.get("totalJp")).isEqualTo(24);
        assertThat(line.get("creditedJp")).isEqualTo(24);
        assertThat(line.get("finalScore")).isEqualTo(81.1);
        assertThat(line.get("kualifikasi")).isEqualTo("Memuaskan");
        assertThat((List<Object>) records.get("totalsPerYear")).containsExactly(Map.of("year", 2026, "jp", 24, "targetJp", 20, "targetMet", true,
                "status", "MET", "gap", 0));
        Map<?, ?> failedYear = (Map<?, ?>) ((List<?>) operator.get("/api/participants/" + gagal + "/records").get("totalsPerYear")).get(0);
        assertThat(failedYear.get("jp")).isEqualTo(0);
    }

    @Test
    void aBimtekRefusesScoresAndCountsJpAcrossEventsPerYear() {
        long person = participant(110, "Dewi Lestari");
        Api.Res first = operator.post("/api/events", Fixtures.aBimtek().withSessions(4, 4, 4).body());
        Api.Res second = operator.post("/api/events", Fixtures.aBimtek().withSessions(6, 6)
                .with("startDate", "2025-11-03").with("endDate", "2025-11-05").body());
        assertThat(second.status()).as(second.body()).isEqualTo(400);
        second = operator.post("/api/events", Fixtures.aBimtek().with("startDate", "2025-11-03").with("endDate", "2025-11-05")
                .with("sessions", List.of(Map.of("date", "2025-11-03", "topic", "A", "jp", 6), Map.of("date", "2025-11-04", "topic", "B", "jp", 6)))
                .body());
        for (Api.Res e : List.of(first, second)) {
            operator.post("/api/events/" + e.id() + "/enrolments", Map.of("participantId", person));
            for (long sid : sessionIds(e)) {
                mark(e.id(), sid, Map.of(person, "HADIR"));
            }
        }
        long scoresBefore = scores.count();
        Api.Res refused = operator.put("/api/events/" + first.id() + "/assessments/" + person, Map.of("scores", Map.of("Ujian", 90)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.get("type")).isEqualTo("https://piagam.id/problems/assessment-requires-diklat");
        assertThat(scores.count()).isEqualTo(scoresBefore);

        Map<?, ?> eligible = operator.get("/api/events/" + first.id() + "/eligibility").list().get(0);
        assertThat(eligible.get("kind")).isEqualTo("ATTENDANCE");
        assertThat(eligible.containsKey("finalScore")).isFalse();

        @SuppressWarnings("unchecked")
        List<Object> totals = (List<Object>) operator.get("/api/participants/" + person + "/records").get("totalsPerYear");
        assertThat(totals).containsExactly(Map.of("year", 2026, "jp", 12, "targetJp", 20, "targetMet", false, "status", "SHORT", "gap", 8),
                Map.of("year", 2025, "jp", 12, "targetJp", 20, "targetMet", false, "status", "SHORT", "gap", 8));
    }

    @Test
    void aSessionSheetIsWrittenWholeOrNotAtAll() {
        Api.Res event = operator.post("/api/events", Fixtures.aBimtek().body());
        long enrolled = participant(120, "Eko Prasetyo");
        long stranger = participant(121, "Fajar Nugroho");
        operator.post("/api/events/" + event.id() + "/enrolments", Map.of("participantId", enrolled));
        long before = attendance.count();
        Api.Res r = operator.put("/api/events/" + event.id() + "/sessions/" + sessionIds(event).get(0) + "/attendance",
                List.of(Map.of("participantId", enrolled, "status", "HADIR"), Map.of("participantId", stranger, "status", "HADIR"),
                        Map.of("participantId", enrolled, "status", "ALPA")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("[1].participantId", "[2].participantId");
        assertThat(attendance.count()).isEqualTo(before);

        Api.Res badStatus = operator.put("/api/events/" + event.id() + "/sessions/" + sessionIds(event).get(0) + "/attendance",
                List.of(Map.of("participantId", enrolled, "status", "LIBUR")));
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.errorFields()).containsExactly("status");
        assertThat(operator.put("/api/events/" + event.id() + "/sessions/999999/attendance", List.of()).status()).isEqualTo(404);
    }

    @Test
    void scoresAreCheckedBeforeAnythingIsStored() {
        Api.Res event = operator.post("/api/events", Fixtures.aDiklat().body());
        long person = participant(130, "Gita Savitri");
        operator.post("/api/events/" + event.id() + "/enrolments", Map.of("participantId", person));
        long before = scores.count();
        Api.Res r = operator.put("/api/events/" + event.id() + "/assessments/" + person,
                Map.of("scores", Map.of("Sikap", 85, "Ujian", 100.5, "Wawancara", 70)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("scores.Ujian", "scores.Wawancara");
        assertThat(scores.count()).isEqualTo(before);
        assertThat(operator.put("/api/events/" + event.id() + "/assessments/" + person, Map.of("scores", Map.of("Sikap", 85.555)))
                .errorFields()).containsExactly("scores.Sikap");
        Api.Res partial = operator.put("/api/events/" + event.id() + "/assessments/" + person, Map.of("scores", Map.of("Sikap", 85)));
        assertThat(partial.get("result")).isEqualTo("BELUM_DINILAI");
        assertThat(partial.get("missing")).isEqualTo(List.of("Ujian"));
    }

    @Test
    void theEnrolmentKeepsTheIdentityAsItWasUntilRefreshed() {
        long eventId = operator.post("/api/events", Fixtures.aBimtek().body()).id();
        Map<String, Object> person = Fixtures.aPns(140, "Hendra Wijaya");
        long id = operator.post("/api/participants", person).id();
        Api.Res enrolled = operator.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", id));
        assertThat(enrolled.get("pangkat")).isEqualTo("Penata Muda Tingkat I");
        Api.Res again = operator.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", id));
        assertThat(again.status()).isEqualTo(409);
        assertThat(((Number) again.get("existingId")).longValue()).isEqualTo(enrolled.id());

        person.put("golongan", "III/c");
        person.put("jabatan", "Pranata Komputer Ahli Muda");
        operator.put("/api/participants/" + id, person);
        Api.Res kept = operator.get("/api/events/" + eventId + "/enrolments/" + id);
        assertThat(kept.get("golongan")).isEqualTo("III/b");
        assertThat(kept.get("jabatan")).isEqualTo("Pranata Komputer Ahli Pertama");

        Api.Res refreshed = operator.put("/api/events/" + eventId + "/enrolments/" + id, Map.of("refreshIdentity", true, "status", "MUNDUR"));
        assertThat(refreshed.get("golongan")).isEqualTo("III/c");
        assertThat(refreshed.get("pangkat")).isEqualTo("Penata");
        assertThat(refreshed.get("status")).isEqualTo("MUNDUR");
        assertThat(operator.get("/api/events/" + eventId + "/eligibility").list().get(0).get("reasons"))
                .isEqualTo(List.of("status peserta mundur"));
        assertThat(operator.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", 999999)).errorFields())
                .containsExactly("participantId");
    }
}
