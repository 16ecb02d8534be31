package id.piagam.assessment;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class GradeScaleApiTest extends ApiTest {

    private static final List<Map<String, Object>> FIVE = List.of(
            Map.of("label", "Sangat Memuaskan", "lowerBound", 92.5, "passing", true),
            Map.of("label", "Memuaskan", "lowerBound", 85, "passing", true),
            Map.of("label", "Sangat Baik", "lowerBound", 77.5, "passing", true),
            Map.of("label", "Baik", "lowerBound", 70, "passing", true),
            Map.of("label", "Cukup", "lowerBound", 60, "passing", false),
            Map.of("label", "Kurang", "lowerBound", 0, "passing", false));

    @Test
    void theCommonScaleIsSeeded() {
        Api.Res r = operator.get("/api/grade-scales");
        assertThat(r.list()).anySatisfy(s -> {
            assertThat(s.get("code")).isEqualTo("UMUM-4");
            assertThat(s.get("passBoundary")).isEqualTo(70.0);
        });
    }

    @Test
    void anAdminAddsVersionsAndAnEventKeepsTheVersionItUsed() {
        Api.Res v1 = admin.post("/api/grade-scales", Map.of("code", "LIMA", "name", "Lima kualifikasi", "bands", FIVE));
        assertThat(v1.status()).isEqualTo(201);
        assertThat(v1.get("version")).isEqualTo(1);
        Api.Res event = operator.post("/api/events", Fixtures.aDiklat().with("gradeScaleId", v1.id()).body());
        assertThat(event.status()).as(event.body()).isEqualTo(201);

        Api.Res v2 = admin.post("/api/grade-scales", Map.of("code", "LIMA", "name", "Lima kualifikasi (revisi)",
                "bands", List.of(Map.of("label", "Lulus", "lowerBound", 65, "passing", true), Map.of("label", "Belum", "lowerBound", 0, "passing", false))));
        assertThat(v2.get("version")).isEqualTo(2);
        Map<?, ?> kept = (Map<?, ?>) operator.get("/api/events/" + event.id()).get("gradeScale");
        assertThat(kept.get("version")).isEqualTo(1);
        assertThat(kept.get("id")).isEqualTo((int) v1.id());

        long personId = participant(300, "Lilis Suryani");
        operator.post("/api/events/" + event.id() + "/enrolments", Map.of("participantId", personId));
        Api.Res scored = operator.put("/api/events/" + event.id() + "/assessments/" + personId, Map.of("scores", Map.of("Sikap", 92.45, "Ujian", 92.45)));
        assertThat(scored.get("kualifikasi")).isEqualTo("Memuaskan");
    }

    @Test
    void aPassMarkThatDisagreesWithTheScaleIsRefused() {
        Api.Res scale = admin.post("/api/grade-scales", Map.of("code", "LIMA-B", "name", "Lima", "bands", FIVE));
        Api.Res r = operator.post("/api/events", Fixtures.aDiklat().with("gradeScaleId", scale.id()).with("passMark", 60).body());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("passMark");
            assertThat((String) e.get("message")).contains("60").contains("70");
        });
        assertThat(operator.post("/api/events", Fixtures.aDiklat().with("gradeScaleId", 9999).body()).errorFields())
                .containsExactly("gradeScaleId");
    }

    @Test
    void refusesScalesThatLeaveScoresWithoutABand() {
        Api.Res r = admin.post("/api/grade-scales", Map.of("code", "RUSAK", "name", "Rusak",
                "bands", List.of(Map.of("label", "Lulus", "lowerBound", 70, "passing", true))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).extracting(e -> e.get("code")).containsExactly("gradeScale.noZeroBand");
        assertThat(operator.get("/api/grade-scales").list()).noneMatch(s -> "RUSAK".equals(s.get("code")));
    }
}
