package id.piagam.exchange;

import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A participant list that also names the narasumber, moderator and panitia, each panitia with a function. */
@MicronautTest(transactional = false)
class ImportRolesTest extends ApiTest {

    @Inject
    EnrolmentRepository enrolments;

    private Api.Res upload(long eventId, String csv, String mode) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", "daftar.csv", MediaType.APPLICATION_OCTET_STREAM_TYPE,
                csv.getBytes(StandardCharsets.UTF_8));
        if (mode != null) {
            body.addPart("mode", mode);
        }
        return operator.send(HttpRequest.POST("/api/events/" + eventId + "/imports", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    @Test
    void rolesAndPanitiaFunctionsAreReadInAnyCaseAndAreEnrolledWithThePerson() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        String csv = """
                Nama Lengkap;NIK;Kategori;PERAN;JABATAN PANITIA
                Ani Peserta;3526010707917701;Non-ASN;;
                Budi Narasumber;3526010707917702;Non-ASN;narasumber;
                Citra Moderator;3526010707917703;Non-ASN;MODERATOR;
                Dedi Ketua;3526010707917704;Non-ASN;Panitia;ketua
                Eka Sekretaris;3526010707917705;Non-ASN;panitia;Sekretaris Panitia
                Fajar Wakil;3526010707917706;Non-ASN;PANITIA;wakil ketua
                """;
        Api.Res imported = upload(s.eventId, csv, null);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Map<String, List<String>> byName = new HashMap<>();
        enrolments.findByEventIdOrderByPrintedName(s.eventId).forEach(e -> byName.put(e.printedName(),
                Arrays.asList(e.role().name(), e.panitiaFunction() == null ? null : e.panitiaFunction().name())));
        assertThat(byName).containsEntry("Ani Peserta", Arrays.asList("PESERTA", null))
                .containsEntry("Budi Narasumber", Arrays.asList("NARASUMBER", null))
                .containsEntry("Citra Moderator", Arrays.asList("MODERATOR", null))
                .containsEntry("Dedi Ketua", List.of("PANITIA", "KETUA"))
                .containsEntry("Eka Sekretaris", List.of("PANITIA", "SEKRETARIS"))
                .containsEntry("Fajar Wakil", List.of("PANITIA", "WAKIL_KETUA"));
        // the event page shows them with their labels
        String page = new Browser(anonymous).signIn("operator", "operator-secret-1").get("/kegiatan/" + s.eventId).body();
        assertThat(Jsoup.parse(page).select("#eligibility small.role").eachText())
                .contains("Narasumber", "Moderator", "Panitia · Ketua", "Panitia · Sekretaris", "Panitia · Wakil ketua");
    }

    @Test
    void anUnknownFunctionOrAFunctionOutsideThePanitiaIsAnErrorAtItsRowAndColumnAndNothingIsImported() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        String csv = """
                Nama Lengkap;NIK;Kategori;Peran;Fungsi Panitia
                Gita Panitia;3526010707917711;Non-ASN;Panitia;Ketua
                Hadi Panitia;3526010707917712;Non-ASN;Panitia;Ketoa
                Indah Peserta;3526010707917713;Non-ASN;Peserta;Anggota
                """;
        Api.Res refused = upload(s.eventId, csv, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("rows[3].panitiaFunction", "rows[4].panitiaFunction");
        assertThat(refused.errors().get(0).get("message").toString()).startsWith("Kolom Fungsi Panitia: \"Ketoa\" tidak dikenal")
                .contains("Ketua, Wakil Ketua, Sekretaris");
        assertThat(refused.errors().get(1).get("message").toString()).isEqualTo("Jabatan kepanitiaan hanya untuk peran panitia.");
        assertThat(enrolments.findByEventIdOrderByPrintedName(s.eventId)).isEmpty();
    }
}
