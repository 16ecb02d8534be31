package id.piagam.participant;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The transcript a participant hands to their HR office (BKD): whose it is, from whom, what it lists, and how to check it. */
@MicronautTest(transactional = false)
@Property(name = "piagam.agency.name", value = "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur")
@Property(name = "piagam.agency.address", value = "Jl. Balai Pemuda No. 1, Surabaya 60271")
@Property(name = "piagam.agency.place", value = "Surabaya")
class TranscriptTest extends ApiTest {

    @Test
    void theTranscriptIsADocumentWithLetterheadIdentityTrainingsTotalsAndQrCodes() throws Exception {
        Scenario diklat = Scenario.of(operator, Fixtures.aDiklat());
        long p = diklat.attending(3201, "Rina Marlina");
        diklat.scored(p, 85, 88);
        Api.Res sttp = diklat.issue(p);
        Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek().with("title", "Bimtek Tata Naskah Dinas"));
        operator.post("/api/events/" + bimtek.eventId + "/enrolments", java.util.Map.of("participantId", p));
        for (long sid : bimtek.sessionIds) {
            operator.put("/api/events/" + bimtek.eventId + "/sessions/" + sid + "/attendance",
                    java.util.List.of(java.util.Map.of("participantId", p, "status", "HADIR")));
        }
        Api.Res attendance = bimtek.issue(p);
        assertThat(attendance.status()).as(attendance.body()).isEqualTo(201);

        byte[] pdf = httpClient.toBlocking().retrieve(HttpRequest.GET("/api/participants/" + p + "/records/transcript.pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
        String text = PdfChecks.text(pdf, 1);
        String nip = (String) Fixtures.aPns(3201, "x").get("nip");
        String grouped = nip.substring(0, 8) + " " + nip.substring(8, 14) + " " + nip.charAt(14) + " " + nip.substring(15);
        assertThat(text).contains("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur", "Jl. Balai Pemuda No. 1, Surabaya 60271",
                "TRANSKRIP RIWAYAT PELATIHAN", "Rina Marlina, S.Kom.", "NIP : " + grouped, "Kategori : PNS",
                "Pangkat/golongan : Penata Muda Tingkat I (III/b)", "Instansi : Pemerintah Kabupaten Pamekasan",
                "Bimtek Tata Naskah Dinas", "Selesai (kehadiran)", "Lulus \u2014 ", (String) sttp.get("number"), (String) attendance.get("number"),
                "Jumlah", "Transkrip ini bukan sertifikat",
                "Surabaya, " + id.piagam.text.Bahasa.longDate(LocalDate.now(ZoneId.of("Asia/Jakarta"))));
        assertThat(text).doesNotContain(" selesai ");
        assertThat(PdfChecks.qr(pdf, 0)).as("a QR code opens a listed certificate's verification page")
                .isIn(sttp.get("verifyUrl"), attendance.get("verifyUrl"));
    }
}
