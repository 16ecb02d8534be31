package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** TNI/Polri members come in by their NRP: an "NRP" column, or the NRP in a "NIP/NRP" column. */
@MicronautTest(transactional = false)
class ImportNrpTest extends ApiTest {

    @Inject
    ParticipantRepository participants;
    @Inject
    EnrolmentRepository enrolments;

    private Api.Res upload(long eventId, String path, String csv) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", "daftar.csv", MediaType.APPLICATION_OCTET_STREAM_TYPE,
                csv.getBytes(StandardCharsets.UTF_8));
        if (path.endsWith("?mode=VALID_ONLY")) {
            path = path.substring(0, path.indexOf('?'));
            body.addPart("mode", "VALID_ONLY");
        }
        return operator.send(HttpRequest.POST("/api/events/" + eventId + path, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Api.Res preview) {
        return (List<Map<String, Object>>) preview.get("rows");
    }

    @Test
    void anNrpColumnImportsTniPolriMembersAndMatchesThemByNrp() {
        Api.Res known = operator.post("/api/participants", Map.of("fullName", "Slamet Riyadi", "category", "TNI_POLRI",
                "nrp", "110900128399", "instansi", "Kodim 0826 Pamekasan"));
        assertThat(known.status()).as(known.body()).isEqualTo(201);
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        String csv = "Nama Lengkap;Kategori;NRP;Instansi\n"
                + "Slamet Riyadi;TNI;1109 0012 8399;Kodim 0826 Pamekasan\n"
                + "Heru Santoso;Polri;87050199;Polres Pamekasan\n"
                + "Rina Amelia;PNS;87050198;Pemkab Pamekasan\n";

        Api.Res preview = upload(eventId, "/imports/preview", csv);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(rows(preview)).extracting(r -> r.get("status")).containsExactly("MATCHED", "NEW", "INVALID");
        assertThat(((Number) rows(preview).get(0).get("participantId")).longValue()).isEqualTo(known.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> who = (Map<String, Object>) rows(preview).get(0).get("known");
        assertThat(who).containsEntry("nrp", "110900128399").containsEntry("name", "Slamet Riyadi");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) rows(preview).get(2).get("errors");
        assertThat(errors).extracting(e -> e.get("field")).contains("nrp");

        Api.Res done = upload(eventId, "/imports?mode=VALID_ONLY", csv);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        Participant heru = participants.findByNrp("87050199").orElseThrow();
        assertThat(heru.fullName()).isEqualTo("Heru Santoso");
        assertThat(heru.nip()).isNull();
        assertThat(enrolments.findByEventIdAndParticipantId(eventId, heru.id())).isPresent();
        assertThat(enrolments.findByEventIdAndParticipantId(eventId, known.id())).isPresent();
        assertThat(participants.findByNrp("87050198")).isEmpty();
    }

    @Test
    void aNipNrpColumnHoldsAnNrpWhenTheRowIsTniPolriOrTheValueIsNoNip() {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        String nip = (String) Fixtures.aPns(880, "x").get("nip");
        String csv = "Nama Lengkap;NIP/NRP;Kategori;Instansi\n"
                + "Bambang Wijaya;" + nip + ";;Pemkab Sampang\n"
                + "Dedi Firmansyah;11020077;;Lanal Batuporon\n"
                + "Yudi Pratama;110200770012345678;TNI/Polri;Korem 084\n";

        Api.Res preview = upload(eventId, "/imports/preview", csv);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(rows(preview)).extracting(r -> r.get("status")).containsExactly("NEW", "NEW", "NEW");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) preview.get("columns");
        assertThat(columns).extracting(c -> c.get("field")).contains("nipNrp");

        assertThat(upload(eventId, "/imports", csv).status()).isEqualTo(200);
        assertThat(participants.findByNip(nip).orElseThrow().fullName()).isEqualTo("Bambang Wijaya");
        Participant dedi = participants.findByNrp("11020077").orElseThrow();
        assertThat(dedi.category().name()).isEqualTo("TNI_POLRI");
        assertThat(participants.findByNrp("110200770012345678").orElseThrow().fullName()).isEqualTo("Yudi Pratama");
    }

    @Test
    void anNrpOnFileWithAnotherNikIsAConflictNeverImported() {
        Api.Res known = operator.post("/api/participants", Map.of("fullName", "Wahyu Hidayat", "category", "TNI_POLRI",
                "nrp", "55443322", "nik", "3528010312900007"));
        assertThat(known.status()).as(known.body()).isEqualTo(201);
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        String csv = "Nama Lengkap;Kategori;NRP;NIK\nWahyu Hidayat;TNI;55443322;3528010312900015\n";
        Api.Res preview = upload(eventId, "/imports/preview", csv);
        assertThat(rows(preview)).extracting(r -> r.get("status")).containsExactly("CONFLICT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) rows(preview).get(0).get("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("nik");
            assertThat((String) e.get("message")).contains("NRP ini").contains("Wahyu Hidayat, NRP 55443322");
        });
        assertThat(upload(eventId, "/imports?mode=VALID_ONLY", csv).status()).isEqualTo(200);
        assertThat(enrolments.countByEventId(eventId)).isZero();
    }

    @Test
    void twoRowsWithOneNrpAreTheSameRowTwice() {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        String csv = "Nama Lengkap;Kategori;NRP\nAri Gunawan;TNI;99887766\nAri G;TNI;99887766\n";
        Api.Res preview = upload(eventId, "/imports/preview", csv);
        assertThat(rows(preview)).extracting(r -> r.get("status")).containsExactly("NEW", "INVALID");
    }
}
