package id.piagam.certificate;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the issued documents state: identity line, signatory block, title and angkatan. */
@MicronautTest(transactional = false)
class DocumentContentTest extends ApiTest {

    private byte[] pdf(long certificateId) {
        HttpRequest<?> request = HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1"));
        return httpClient.toBlocking().retrieve(request, byte[].class);
    }

    private static Map<String, Object> aPppk(String name) {
        Map<String, Object> p = Fixtures.aPns(801, name);
        p.put("category", "PPPK");
        p.put("nip", "199001012021212001");
        p.put("birthDate", "1990-01-01");
        p.put("sex", "P");
        p.put("golongan", "IX");
        p.put("email", "pppk801@contoh.go.id");
        return p;
    }

    @Test
    void aPppkIsIdentifiedByNiPppkAndThePnsByNipWithoutANomorIndukLine() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long pppk = s.attending(aPppk("Rina Marlina"));
        s.scored(pppk, 85, 90);
        long pns = s.attending(802, "Ahmad Fauzi");
        s.scored(pns, 85, 90);

        Api.Res pppkSttp = s.issue(pppk);
        byte[] pppkPdf = pdf(pppkSttp.id());
        String pppkText = PdfChecks.text(pppkPdf, 1);
        assertThat(pppkText).contains("NI PPPK").contains("19900101 202121 2 001").doesNotContain("NIP. 1990")
                .doesNotContain("Nomor induk");
        String pnsText = PdfChecks.text(pdf(s.issue(pns).id()), 1);
        assertThat(pnsText).contains("NIP").doesNotContain("NI PPPK").doesNotContain("Nomor induk").doesNotContain("NIP. 1975");

        Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek());
        long pppkAtBimtek = bimtek.attending(Map.of("fullName", "Sari Dewi", "category", "PPPK", "nip", "199202022021212001",
                "birthDate", "1992-02-02", "sex", "P", "golongan", "VII", "instansi", "Pemerintah Kabupaten Pamekasan"));
        String attendance = PdfChecks.text(pdf(bimtek.issue(pppkAtBimtek).id()), 1);
        assertThat(attendance).contains("NI PPPK. 19920202 202121 2 001").doesNotContain("NIP. 1992");

        // the certificate page shows what the document states, each value as printed on it
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document certificatePage = Jsoup.parse(staff.get("/sertifikat/" + pppkSttp.id()).body());
        assertThat(certificatePage.select("#printed dt").eachText()).containsExactly("Nama dengan gelar", "NI PPPK", "Tempat, tanggal lahir",
                "Pangkat/golongan", "Jabatan", "Unit kerja", "Instansi", "Tanggal", "JP", "Nilai akhir", "Kualifikasi");
        assertThat(certificatePage.select("#printed dd").get(1).text()).isEqualTo("19900101 202121 2 001");
        String whole = (pppkText + " " + PdfChecks.text(pppkPdf, 2)).replaceAll("\\s+", " ");
        assertThat(certificatePage.select("#printed dd").eachText()).allSatisfy(value -> assertThat(whole).contains(value));

        // the event page names each person's number as their document does
        Document page = Jsoup.parse(new Browser(anonymous).signIn("operator", "operator-secret-1").get("/kegiatan/" + s.eventId).body());
        assertThat(page.selectFirst("#eligibility tr[data-participant=" + pppk + "] .identity").text()).isEqualTo("NI PPPK 199001012021212001");
        assertThat(page.selectFirst("#eligibility tr[data-participant=" + pns + "] .identity").text()).startsWith("NIP 1");
    }

    private static Map<String, Object> signatory(String prefix, String office, String position, String golongan) {
        Map<String, Object> sig = new java.util.HashMap<>();
        sig.put("prefix", prefix);
        sig.put("office", office);
        sig.put("position", position);
        sig.put("name", "Dr. Ir. Hadi Prasetyo, M.Si.");
        sig.put("golongan", golongan);
        sig.put("nip", "197105121996031002");
        return sig;
    }

    @Test
    void theAnFormPrintsTheDelegatingOfficeAndTheSignersPositionOnSeparateLinesWithPangkatAndGolongan() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("certificate", Map.of("issuePlace", "Surabaya",
                "signatory", signatory("a.n.", "Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur", "Sekretaris", "IV/b"))));
        Map<?, ?> stored = (Map<?, ?>) ((Map<?, ?>) operator.get("/api/events/" + s.eventId).get("certificate")).get("signatory");
        assertThat(stored.get("office")).isEqualTo("Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur");
        assertThat(stored.get("position")).isEqualTo("Sekretaris");
        assertThat(stored.get("golongan")).isEqualTo("IV/b");
        long p = s.attending(811, "Ahmad Fauzi");
        s.scored(p, 85, 90);
        String front = PdfChecks.text(pdf(s.issue(p).id()), 1).replaceAll("\\s+", " ");
        assertThat(front).contains("a.n. Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur, Sekretaris,")
                .contains("Dr. Ir. Hadi Prasetyo, M.Si. Pembina Tingkat I (IV/b) NIP. 19710512 199603 1 002");

        Scenario plt = Scenario.of(operator, Fixtures.aBimtek().with("certificate", Map.of("issuePlace", "Surabaya",
                "signatory", signatory("plt", null, "Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur", "IV/c"))));
        long q = plt.attending(812, "Budi Santoso");
        String bimtek = PdfChecks.text(pdf(plt.issue(q).id()), 1).replaceAll("\\s+", " ");
        assertThat(bimtek).contains("Plt. Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur,")
                .contains("Pembina Utama Muda (IV/c)").doesNotContain("a.n.");
    }

    @Test
    void aSignatoryThatCannotBeWrittenIsRefusedAtItsFieldAndNothingIsStored() {
        Api.Res before = operator.get("/api/events?size=100");
        Api.Res unknownPrefix = operator.post("/api/events", Fixtures.aBimtek().with("certificate", Map.of(
                "signatory", signatory("atas nama", null, "Sekretaris", null))).body());
        assertThat(unknownPrefix.status()).isEqualTo(400);
        assertThat(unknownPrefix.errorFields()).containsExactly("certificate.signatory.prefix");
        assertThat(unknownPrefix.errors().get(0).get("message").toString()).contains("a.n., Plt., Plh.");

        Api.Res officeWithoutAn = operator.post("/api/events", Fixtures.aBimtek().with("certificate", Map.of(
                "signatory", signatory("Plh.", "Kepala Badan", "Sekretaris", "IV/z"))).body());
        assertThat(officeWithoutAn.status()).isEqualTo(400);
        assertThat(officeWithoutAn.errorFields()).containsExactlyInAnyOrder("certificate.signatory.office", "certificate.signatory.golongan");
        Api.Res english = operator.inLanguage("en").post("/api/events", Fixtures.aBimtek().with("certificate", Map.of(
                "signatory", signatory("Plh.", "Kepala Badan", "Sekretaris", null))).body());
        assertThat(english.errors().get(0).get("message").toString()).isEqualTo("The delegating office is only used with the prefix a.n.");
        assertThat(operator.get("/api/events?size=100").body()).isEqualTo(before.body());
    }

    @Test
    void theDocumentTitleIsAnEventSettingAndTheAngkatanIsPrinted() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("angkatan", "II").with("attendanceLetter", true)
                .with("certificate", Map.of("issuePlace", "Surabaya", "title", "SURAT TANDA TAMAT PENDIDIKAN DAN PELATIHAN (STTPP)",
                        "attendanceTitle", "SURAT KETERANGAN", "signatory", signatory("a.n.", null, "Kepala BPSDM", null))));
        assertThat(((Map<?, ?>) operator.get("/api/events/" + s.eventId).get("certificate")).get("title"))
                .isEqualTo("SURAT TANDA TAMAT PENDIDIKAN DAN PELATIHAN (STTPP)");
        long lulus = s.attending(821, "Ahmad Fauzi");
        s.scored(lulus, 85, 90);
        long gagal = s.attending(822, "Citra Lestari");
        s.scored(gagal, 40, 40);
        byte[] sttp = pdf(s.issue(lulus).id());
        assertThat(PdfChecks.text(sttp, 1).replaceAll("\\s+", " ")).contains("SURAT TANDA TAMAT PENDIDIKAN DAN PELATIHAN (STTPP)")
                .doesNotContain("SURAT TANDA TAMAT PELATIHAN").contains("Pelatihan Pengadaan Barang/Jasa Angkatan II yang diselenggarakan");
        assertThat(PdfChecks.text(pdf(s.issue(gagal).id()), 1)).contains("SURAT KETERANGAN").doesNotContain("TELAH MENGIKUTI PELATIHAN");

        Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek());
        assertThat(((Map<?, ?>) operator.get("/api/events/" + bimtek.eventId).get("certificate")).get("title")).isNull();
        long hadir = bimtek.attending(823, "Dedi Kurniawan");
        assertThat(PdfChecks.text(pdf(bimtek.issue(hadir).id()), 1)).contains("SERTIFIKAT").contains("Bimtek SIPD yang")
                .doesNotContain("Angkatan");
    }
}
