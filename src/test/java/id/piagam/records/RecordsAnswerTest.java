package id.piagam.records;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON answer of a person's records, pinned character for character: what a secretariat's program reads
 * (field names, order, numbers' scale, nulls, dates) must not move when the way the records are read changes.
 * A realistic person: a passed Diklat with its competency certificate, a Bimtek whose certificate was revoked,
 * a Bimtek missed and a Diklat failed the year before, so two years of JP against the PNS minimum.
 */
@MicronautTest(transactional = false)
class RecordsAnswerTest extends ApiTest {

    private static final String EXPECTED = """
            {"participantId":{person},"printedName":"Rina Kartika, S.Kom.","jpRule":{"kind":"MINIMUM","jp":20},"events":[\
            {"eventId":{bimtek2026},"kind":"BIMTEK","track":"KL10","title":"Bimtek SIPD","organiser":"BPSDM Provinsi Jawa Timur",\
            "startDate":"2026-05-04","endDate":"2026-05-06","year":2026,"role":"PESERTA","status":"AKTIF","totalJp":12,\
            "attendanceRate":100.00,"completed":true,"certificateKind":"ATTENDANCE","creditedJp":12,"reasons":[],"certificates":[\
            {"id":{revokedId},"kind":"ATTENDANCE","number":"{revokedNumber}","status":"REVOKED","issuedOn":"{today}",\
            "verifyUrl":"{revokedUrl}"}]},\
            {"eventId":{diklat2026},"kind":"DIKLAT","track":"KL03","title":"Pelatihan Pengadaan Barang/Jasa",\
            "organiser":"BPSDM Provinsi Jawa Timur","startDate":"2026-03-02","endDate":"2026-03-06","year":2026,"role":"PESERTA",\
            "status":"AKTIF","totalJp":24,"attendanceRate":100.00,"finalScore":81.10,"result":"LULUS","kualifikasi":"Memuaskan",\
            "completed":true,"certificateKind":"COMPETENCY","creditedJp":24,"reasons":[],"certificates":[\
            {"id":{competencyId},"kind":"COMPETENCY","number":"{competencyNumber}","status":"VALID","issuedOn":"{today}",\
            "verifyUrl":"{competencyUrl}"}]},\
            {"eventId":{bimtek2025},"kind":"BIMTEK","track":"KL10","title":"Bimtek SIPD","organiser":"BPSDM Provinsi Jawa Timur",\
            "startDate":"2025-11-03","endDate":"2025-11-05","year":2025,"role":"PESERTA","status":"AKTIF","totalJp":12,\
            "attendanceRate":50.00,"completed":false,"creditedJp":0,"reasons":["kehadiran 50,00% < 80%"],"certificates":[]},\
            {"eventId":{diklat2025},"kind":"DIKLAT","track":"KL03","title":"Pelatihan Pengadaan Barang/Jasa",\
            "organiser":"BPSDM Provinsi Jawa Timur","startDate":"2025-08-04","endDate":"2025-08-08","year":2025,"role":"PESERTA",\
            "status":"AKTIF","totalJp":16,"attendanceRate":100.00,"finalScore":61.00,"result":"TIDAK_LULUS",\
            "kualifikasi":"Kurang Memuaskan","completed":false,"creditedJp":0,"reasons":["nilai akhir 61,00 < 70"],"certificates":[]}],\
            "totalsPerYear":[{"year":2026,"jp":36,"targetJp":20,"targetMet":true,"status":"MET","gap":0},\
            {"year":2025,"jp":0,"targetJp":20,"targetMet":false,"status":"SHORT","gap":20}]}""";

    @Test
    void theRecordsOfAPersonWithPassedFailedMissedAndRevokedTrainingsAnswerTheSameJson() {
        long person = operator.post("/api/participants", Fixtures.aPns(960, "Rina Kartika")).id();
        Api.Res diklat2026 = event(Fixtures.aDiklat().withSessions(4, 8, 8, 4), person);
        Api.Res bimtek2026 = event(Fixtures.aBimtek().with("startDate", "2026-05-04").with("endDate", "2026-05-06")
                .with("sessions", sessions("2026-05-04", 4, 4, 4)), person);
        Api.Res bimtek2025 = event(Fixtures.aBimtek().with("startDate", "2025-11-03").with("endDate", "2025-11-05")
                .with("sessions", sessions("2025-11-03", 6, 6)), person);
        Api.Res diklat2025 = event(Fixtures.aDiklat().with("startDate", "2025-08-04").with("endDate", "2025-08-08")
                .with("sessions", sessions("2025-08-04", 8, 8)), person);
        attend(diklat2026, person, "HADIR", "HADIR", "TERLAMBAT", "HADIR");
        attend(bimtek2026, person, "HADIR", "HADIR", "HADIR");
        attend(bimtek2025, person, "HADIR", "ALPA");
        attend(diklat2025, person, "HADIR", "HADIR");
        score(diklat2026, person, 85.5, 80);
        score(diklat2025, person, 65, 60);
        Api.Res competency = operator.post("/api/events/" + diklat2026.id() + "/enrolments/" + person + "/certificate", Map.of());
        Api.Res revoked = operator.post("/api/events/" + bimtek2026.id() + "/enrolments/" + person + "/certificate", Map.of());
        assertThat(List.of(competency.status(), revoked.status())).containsOnly(201);
        assertThat(admin.post("/api/certificates/" + revoked.id() + "/revoke", Map.of("reason", "data palsu")).status()).isEqualTo(200);

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("{person}", person);
        values.put("{diklat2026}", diklat2026.id());
        values.put("{bimtek2026}", bimtek2026.id());
        values.put("{bimtek2025}", bimtek2025.id());
        values.put("{diklat2025}", diklat2025.id());
        values.put("{competencyId}", competency.id());
        values.put("{competencyNumber}", competency.get("number"));
        values.put("{competencyUrl}", competency.get("verifyUrl"));
        values.put("{revokedId}", revoked.id());
        values.put("{revokedNumber}", revoked.get("number"));
        values.put("{revokedUrl}", revoked.get("verifyUrl"));
        values.put("{today}", competency.get("issuedOn"));
        String expected = EXPECTED;
        for (Map.Entry<String, Object> v : values.entrySet()) {
            expected = expected.replace(v.getKey(), String.valueOf(v.getValue()));
        }

        Api.Res records = operator.get("/api/participants/" + person + "/records");
        assertThat(records.status()).isEqualTo(200);
        assertThat(competency.get("issuedOn")).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString()); // the agency's day
        assertThat(records.body()).isEqualTo(expected);
    }

    private Api.Res event(Fixtures.EventBuilder builder, long person) {
        Api.Res event = operator.post("/api/events", builder.body());
        assertThat(event.status()).as(event.body()).isEqualTo(201);
        assertThat(operator.post("/api/events/" + event.id() + "/enrolments", Map.of("participantId", person)).status()).isEqualTo(201);
        return event;
    }

    private static List<Map<String, Object>> sessions(String first, int... jps) {
        LocalDate day = LocalDate.parse(first);
        return IntStream.range(0, jps.length)
                .mapToObj(i -> Map.<String, Object>of("date", day.plusDays(i).toString(), "topic", "Materi " + (i + 1), "jp", jps[i])).toList();
    }

    private void attend(Api.Res event, long person, String... statuses) {
        List<?> sessions = (List<?>) event.get("sessions");
        for (int i = 0; i < statuses.length; i++) {
            Object sessionId = ((Map<?, ?>) sessions.get(i)).get("id");
            assertThat(operator.put("/api/events/" + event.id() + "/sessions/" + sessionId + "/attendance",
                    List.of(Map.of("participantId", person, "status", statuses[i]))).status()).isEqualTo(200);
        }
    }

    private void score(Api.Res event, long person, Number sikap, Number ujian) {
        Api.Res r = operator.put("/api/events/" + event.id() + "/assessments/" + person, Map.of("scores", Map.of("Sikap", sikap, "Ujian", ujian)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
