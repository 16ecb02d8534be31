package id.piagam.agency;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Both default templates print the agency's letterhead; an issued certificate keeps the one it printed. */
@MicronautTest(transactional = false)
class LetterheadTest extends ApiTest {

    private byte[] pdf(long certificateId) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    @Test
    void bothTemplatesPrintTheLetterheadAndAnIssuedCertificateKeepsIt() throws Exception {
        assertThat(admin.put("/api/agency", AgencyApiTest.jatim()).status()).isEqualTo(200);
        admin.send(HttpRequest.PUT("/api/agency/logo", AgencyApiTest.png(240, 240, true)).contentType("image/png"));

        Scenario diklat = Scenario.of(operator, Fixtures.aDiklat());
        long person = diklat.attending(901, "Ahmad Fauzi");
        diklat.scored(person, 85, 90);
        long sttp = diklat.issue(person).id();
        Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek());
        long attendance = bimtek.issue(bimtek.attending(902, "Sari Dewi")).id();

        for (long id : new long[]{sttp, attendance}) {
            byte[] pdf = pdf(id);
            String text = PdfChecks.text(pdf, 1);
            assertThat(text).contains("Pemerintah Provinsi Jawa Timur")
                    .contains("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur")
                    .contains("Jalan Balongsari Tama, Tandes, Surabaya 60186")
                    .contains("bpsdm@jatimprov.go.id");
            assertThat(PdfChecks.pdfA1b(pdf).isCompliant()).as("PDF/A-1b with the uploaded logo").isTrue();
            Files.createDirectories(Path.of("target/letterhead"));
            Files.write(Path.of("target/letterhead/certificate-" + id + ".pdf"), pdf);
        }

        var changed = AgencyApiTest.jatim();
        changed.put("fullName", "Badan Pengembangan Kompetensi Aparatur Provinsi Jawa Timur");
        admin.put("/api/agency", changed);
        assertThat(PdfChecks.text(pdf(sttp), 1)).contains("Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur")
                .doesNotContain("Kompetensi Aparatur");
    }
}
