package id.piagam.web;

import id.piagam.assessment.GradeScales;
import id.piagam.participant.ParticipantRepository;
import id.piagam.programme.EventRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field error inside a list names the whole JSON path the client sent ({@code sessions[1].topic},
 * {@code components[1].weight}, {@code bands[2].lowerBound}), whichever check found it (CleanText,
 * bean validation, the rule classes), and the page puts it at the input of that name; a key given twice
 * in one JSON object is refused naming the key.
 */
@MicronautTest(transactional = false)
class JsonFieldPathTest extends ApiTest {

    @Inject
    EventRepository events;
    @Inject
    ParticipantRepository participants;
    @Inject
    GradeScales scales;

    private static Map<String, Object> fieldError(Api.Res r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.errors().stream().filter(e -> field.equals(e.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + field + " in " + r.body()));
    }

    @Test
    void anErrorInsideAListNamesItsPath() {
        long eventsBefore = events.count();
        Map<String, Object> event = Fixtures.aDiklat().body();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) event.get("sessions");
        sessions.get(1).put("topic", "Materi\u0000dua");
        assertThat(fieldError(operator.post("/api/events", event), "sessions[1].topic").get("code")).isEqualTo("text.control");

        Map<String, Object> invisible = Fixtures.aDiklat().body();
        invisible.put("certificate", Map.of("signatory", Map.of("name", "Dr.\u200BHadi", "position", "Kepala")));
        assertThat(fieldError(operator.post("/api/events", invisible), "certificate.signatory.name").get("code")).isEqualTo("text.invisible");

        Map<String, Object> weights = Fixtures.aDiklat().with("components",
                List.of(Map.of("name", "Sikap", "weight", 20), Map.of("name", "Ujian", "weight", -80))).body();
        fieldError(operator.post("/api/events", weights), "components[1].weight");

        Map<String, Object> names = Fixtures.aDiklat().with("components",
                List.of(Map.of("name", "Ujian", "weight", 20), Map.of("name", "ujian", "weight", 80))).body();
        assertThat(fieldError(operator.post("/api/events", names), "components[1].name").get("code")).isEqualTo("components.duplicateName");
        assertThat(events.count()).isEqualTo(eventsBefore);

        int scalesBefore = scales.list().size();
        Api.Res bands = admin.post("/api/grade-scales", Map.of("code", "JALUR", "name", "Jalur", "bands", List.of(
                Map.of("label", "Baik", "lowerBound", 80, "passing", true),
                Map.of("label", "Cukup", "lowerBound", 70, "passing", true),
                Map.of("label", "Kurang", "lowerBound", 70, "passing", false))));
        assertThat(fieldError(bands, "bands[2].lowerBound").get("code")).isEqualTo("gradeScale.duplicateBound");
        Api.Res bound = admin.post("/api/grade-scales", Map.of("code", "JALUR", "name", "Jalur", "bands", List.of(
                Map.of("label", "Baik", "lowerBound", 70, "passing", true),
                Map.of("label", "Kurang", "lowerBound", 170, "passing", false))));
        fieldError(bound, "bands[1].lowerBound");
        Api.Res label = admin.post("/api/grade-scales", Map.of("code", "JALUR", "name", "Jalur", "bands", List.of(
                Map.of("label", "Baik", "lowerBound", 70, "passing", true),
                Map.of("label", "Kurang\u202E", "lowerBound", 0, "passing", false))));
        assertThat(fieldError(label, "bands[1].label").get("code")).isEqualTo("text.bidi");
        assertThat(scales.list()).hasSize(scalesBefore);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        long people = participants.count();
        Api.Res twice = operator.postRaw("/api/participants",
                "{\"fullName\":\"Sri Wahyuni\",\"category\":\"NON_ASN\",\"nik\":\"3578014101900001\",\"fullName\":\"Budi\"}");
        Map<String, Object> error = fieldError(twice, "fullName");
        assertThat(error.get("code")).isEqualTo("json.duplicateKey");
        assertThat((String) error.get("message")).contains("fullName");
        assertThat(participants.count()).isEqualTo(people);

        long eventsBefore = events.count();
        String event = "{\"kind\":\"BIMTEK\",\"title\":\"Bimtek\",\"organiser\":\"BPSDM\",\"place\":\"Surabaya\",\"startDate\":\"2026-03-02\","
                + "\"endDate\":\"2026-03-03\",\"minAttendancePercent\":80,\"sessions\":[{\"date\":\"2026-03-02\",\"topic\":\"A\",\"jp\":2},"
                + "{\"date\":\"2026-03-03\",\"topic\":\"B\",\"jp\":2,\"jp\":4}]}";
        assertThat(fieldError(operator.postRaw("/api/events", event), "sessions[1].jp").get("code")).isEqualTo("json.duplicateKey");
        assertThat(events.count()).isEqualTo(eventsBefore);

    }

    @Test
    void thePagePutsABandsProblemAtTheRowItWasTypedIn() {
        Browser browser = new Browser(anonymous).signIn("admin", "test-admin-secret");
        Map<String, String> form = new HashMap<>(Map.of("_csrf", browser.csrf(), "code", "BARIS", "name", "Baris",
                "bands[1].label", "Lulus", "bands[1].lowerBound", "70", "bands[1].passing", "on",
                "bands[3].label", "Belum", "bands[3].lowerBound", "70"));
        int before = scales.list().size();
        Api.Res r = browser.post("/admin/skala-nilai", form);
        assertThat(r.status()).isEqualTo(400);
        Element error = Jsoup.parse(r.body()).getElementById("bands[3].lowerBound-error");
        assertThat(error).as(r.body()).isNotNull();
        assertThat(error.text()).contains("70");
        assertThat(scales.list()).hasSize(before);
        List<String> summary = new ArrayList<>(Jsoup.parse(r.body()).select("#problems a").eachAttr("href"));
        assertThat(summary).contains("#bands[3].lowerBound");
    }
}
