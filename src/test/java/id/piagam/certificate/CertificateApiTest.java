package id.piagam.certificate;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MicronautTest(transactional = false)
class CertificateApiTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    @Inject
    CertificateRepository certificates;
    @Inject
    CertificatePdfRepository pdfs;
    @Inject
    AuditRepository audit;

    private byte[] get(String path) {
        HttpRequest<?> request = HttpRequest.GET(path).bearerAuth(anonymous.login("operator", "operator-secret-1"));
        return httpClient.toBlocking().retrieve(request, byte[].class);
    }

    @Test
    void aDiklatParticipantWhoPassedGetsTheSttpOnceWhateverTheNumberOfCalls() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "PBJ-01"));
        long lulus = s.attending(1, "Ahmad Fauzi");
        s.scored(lulus, 85, 90);
        Api.Res first = s.issue(lulus);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.get("kind")).isEqualTo("COMPETENCY");
        assertThat(first.get("status")).isEqualTo("VALID");
        assertThat((String) first.get("number")).matches("800\\.2\\.4\\.2/\\d{4}/BPSDM/\\d{4}");
        assertThat((String) first.get("verificationCode")).hasSize(27);
        assertThat((String) first.get("verifyUrl")).isEqualTo("http://localhost:" + server.getPort() + "/verify/" + first.get("verificationCode"));

        Api.Res again = s.issue(lulus);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).hasSize(1);

        byte[] pdf = get("/api/certificates/" + first.id() + "/pdf");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(first.get("sha256"));
        assertThat(PdfChecks.text(pdf, 1)).contains("Ahmad Fauzi, S.Kom.").contains((String) first.get("number"))
                .contains("NIP. " ).contains("SURAT TANDA TAMAT PELATIHAN");
        assertThat(PdfChecks.qr(pdf, 0)).isEqualTo(first.get("verifyUrl"));
        assertThat(audit.findByCertificateIdOrderById(first.id())).extracting(AuditEntry::action).containsExactly("ISSUE");
    }

    @Test
    void everyPathRefusesACompetencyCertificateForABimtek() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long hadir = s.attending(10, "Budi Santoso");
        Api.Res named = operator.post("/api/events/" + s.eventId + "/enrolments/" + hadir + "/certificate", Map.of("kind", "COMPETENCY"));
        assertThat(named.status()).isEqualTo(422);
        assertThat(named.get("type")).isEqualTo("https://piagam.id/problems/competency-requires-diklat");
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).isEmpty();

        Api.Res issued = s.issue(hadir);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.get("kind")).isEqualTo("ATTENDANCE");
        long id = issued.id();
        assertThat(PdfChecks.text(get("/api/certificates/" + id + "/pdf"), 1)).contains("SERTIFIKAT").doesNotContain("LULUS")
                .doesNotContain("kualifikasi");

        // reissue keeps the kind the rule allows: still an attendance certificate
        Api.Res reissued = admin.post("/api/certificates/" + id + "/reissue", Map.of("reason", "salah ketik nama"));
        assertThat(reissued.get("kind")).isEqualTo("ATTENDANCE");

        // bulk issuing of a Bimtek never yields a competency certificate
        waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).extracting(Certificate::kind).containsOnly(CertificateKind.ATTENDANCE);
    }

    @Test
    void theIneligibleAreRefusedWithTheirReasonsAndNothingIsStored() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long gagal = s.attending(20, "Citra Lestari");
        s.scored(gagal, 60, 65);
        long bolos = s.absent(21, "Dedi Kurniawan");
        s.scored(bolos, 90, 90);
        Api.Res r = s.issue(gagal);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/not-eligible");
        assertThat((String) r.get("detail")).contains("nilai akhir 64,00 < 70");
        assertThat((String) s.issue(bolos).get("detail")).contains("kehadiran 0,00% < 80%");
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).isEmpty();
    }

    @Test
    void aDiklatMayGrantTheAttendanceLetterToThoseWhoAttendedButFailed() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("attendanceLetter", true));
        long gagal = s.attending(25, "Eka Putri");
        s.scored(gagal, 60, 65);
        Api.Res letter = s.issue(gagal);
        assertThat(letter.status()).isEqualTo(201);
        assertThat(letter.get("kind")).isEqualTo("ATTENDANCE");
        String text = PdfChecks.text(get("/api/certificates/" + letter.id() + "/pdf"), 1);
        assertThat(text).contains("SURAT KETERANGAN TELAH MENGIKUTI PELATIHAN").doesNotContain("LULUS");
        // the pages call it what the document is titled, not a certificate of attendance as a Bimtek's
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        assertThat(Jsoup.parse(browser.get("/sertifikat/" + letter.id()).body()).selectFirst("h1").text())
                .startsWith("Surat keterangan telah mengikuti ");
        var tag = Jsoup.parse(browser.get("/kegiatan/" + s.eventId).body()).selectFirst("tr[data-participant=" + gagal + "] .tag");
        assertThat(tag.text()).isEqualTo("Surat keterangan telah mengikuti");
        // beside it why not the STTP, without saying the document's name a second time
        assertThat(tag.parent().text()).startsWith("Surat keterangan telah mengikuti nilai akhir ").endsWith("< 70")
                .doesNotContain("hanya");
        Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek());
        long hadir = bimtek.attending(26, "Eka Pratiwi");
        Api.Res attendance = bimtek.issue(hadir);
        assertThat(Jsoup.parse(browser.get("/sertifikat/" + attendance.id()).body()).selectFirst("h1").text())
                .startsWith("Sertifikat keikutsertaan ");
        Api.Res sttp = operator.post("/api/events/" + s.eventId + "/enrolments/" + gagal + "/certificate", Map.of("kind", "COMPETENCY"));
        assertThat(sttp.status()).isEqualTo(422);
    }

    @Test
    void bulkIssuingReportsProgressAndASecondRunIssuesOnlyWhatIsMissing() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "BULK"));
        List<Long> passed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long p = s.attending(30 + i, "Peserta Lulus " + (char) ('A' + i));
            s.scored(p, 80, 80);
            passed.add(p);
        }
        long failed = s.attending(40, "Peserta Gagal");
        s.scored(failed, 50, 50);
        s.issue(passed.get(0));

        Api.Res started = operator.post("/api/events/" + s.eventId + "/certificates", Map.of());
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.raw().getHeaders().get("Location")).isEqualTo("/api/jobs/" + started.id());
        Api.Res done = waitForJob(started);
        assertThat(done.get("status")).isEqualTo("DONE");
        assertThat(done.get("total")).isEqualTo(7);
        assertThat(done.get("issued")).isEqualTo(5);
        assertThat(done.get("skipped")).isEqualTo(2);
        assertThat(done.get("failed")).isEqualTo(0);
        assertThat((List<?>) done.get("items")).anySatisfy(i -> {
            Map<?, ?> item = (Map<?, ?>) i;
            assertThat(item.get("participantId")).isEqualTo((int) failed);
            assertThat((String) item.get("reason")).contains("nilai akhir 50,00 < 70");
        });

        Api.Res rerun = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(rerun.get("issued")).isEqualTo(0);
        assertThat(rerun.get("skipped")).isEqualTo(7);
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).hasSize(6);

        byte[] zip = get("/api/events/" + s.eventId + "/certificates.zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                assertThat(b.toByteArray()).startsWith("%PDF".getBytes());
            }
        }
        assertThat(names).hasSize(6).allMatch(n -> n.matches("sertifikat-[a-z0-9-]+\\.pdf"));
        assertThat(PdfChecks.pages(get("/api/events/" + s.eventId + "/certificates.pdf"))).isEqualTo(12);
    }

    @Test
    void aJobCanBeFollowedByItsCountsAloneWithoutItsItems() {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "COUNTS"));
        for (int i = 0; i < 3; i++) {
            s.scored(s.attending(150 + i, "Peserta Hitung " + (char) ('A' + i)), 80, 80);
        }
        s.scored(s.attending(160, "Peserta Gagal"), 50, 50);
        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat((List<?>) done.get("items")).as("the default response lists every item").hasSize(4);

        Api.Res counts = operator.get("/api/jobs/" + done.id() + "?items=none");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.get("status")).isEqualTo("DONE");
        assertThat(counts.get("total")).isEqualTo(4);
        assertThat(counts.get("issued")).isEqualTo(3);
        assertThat(counts.get("skipped")).isEqualTo(1);
        assertThat((List<?>) counts.get("items")).isEmpty();
        assertThat((List<?>) operator.get("/api/jobs/" + done.id() + "?items=all").get("items")).hasSize(4);

        Api.Res unknown = operator.inLanguage("en").get("/api/jobs/" + done.id() + "?items=some");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("items");
            assertThat(e.get("code")).isEqualTo("value.choice");
            assertThat((String) e.get("message")).contains("all, none");
        });
    }

    @Test
    void whatIsIssuedStaysAsIssuedAndACorrectionSupersedesIt() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long p = s.attending(50, "Fajar Nugroho");
        s.scored(p, 88, 88);
        Api.Res first = s.issue(p);
        Certificate stored = certificates.findById(first.id()).orElseThrow();
        assertThat(stored.snapshot()).contains("\"participant.name\":\"Fajar Nugroho, S.Kom.\"");
        assertThat(stored.templateName()).isEqualTo("sttp-diklat");

        Map<String, Object> corrected = Fixtures.aPns(50, "Fajar Nugroho Saputra");
        operator.put("/api/participants/" + p, corrected);
        byte[] unchanged = get("/api/certificates/" + first.id() + "/pdf");
        assertThat(PdfChecks.text(unchanged, 1)).contains("Fajar Nugroho, S.Kom.").doesNotContain("Saputra");

        operator.put("/api/events/" + s.eventId + "/enrolments/" + p, Map.of("refreshIdentity", true));
        assertThat(operator.post("/api/certificates/" + first.id() + "/reissue", Map.of()).status()).isEqualTo(403);
        Api.Res fresh = admin.post("/api/certificates/" + first.id() + "/reissue", Map.of("reason", "nama lengkap"));
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.get("number")).isNotEqualTo(first.get("number"));
        assertThat(((Number) fresh.get("supersedesId")).longValue()).isEqualTo(first.id());
        Api.Res old = operator.get("/api/certificates/" + first.id());
        assertThat(old.get("status")).isEqualTo("SUPERSEDED");
        assertThat(((Number) old.get("supersededById")).longValue()).isEqualTo(fresh.id());
        assertThat(PdfChecks.text(get("/api/certificates/" + fresh.id() + "/pdf"), 1)).contains("Fajar Nugroho Saputra");

        Api.Res oldVerify = anonymous.get("/api/verify/" + old.get("verificationCode"));
        assertThat(oldVerify.get("status")).isEqualTo("SUPERSEDED");
        assertThat(oldVerify.get("valid")).isEqualTo(false);
        assertThat(oldVerify.get("supersededByNumber")).isEqualTo(fresh.get("number"));
        assertThat(admin.post("/api/certificates/" + first.id() + "/reissue", Map.of()).status()).isEqualTo(409);
        assertThat(operator.get("/api/certificates/" + fresh.id() + "/audit").list()).extracting(a -> a.get("action")).containsExactly("REISSUE");
    }

    @Test
    void anAdminRevokesWithAReasonAndVerificationShowsIt() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(60, "Gita Savitri");
        Api.Res c = s.issue(p);
        assertThat(operator.post("/api/certificates/" + c.id() + "/revoke", Map.of("reason", "data palsu")).status()).isEqualTo(403);
        assertThat(admin.post("/api/certificates/" + c.id() + "/revoke", Map.of("reason", " ")).errorFields()).containsExactly("reason");
        Api.Res revoked = admin.post("/api/certificates/" + c.id() + "/revoke", Map.of("reason", "data palsu"));
        assertThat(revoked.get("status")).isEqualTo("REVOKED");
        assertThat(revoked.get("revokeReason")).isEqualTo("data palsu");
        Api.Res twice = admin.post("/api/certificates/" + c.id() + "/revoke", Map.of("reason", "lagi"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.get("type")).isEqualTo("https://piagam.id/problems/already-revoked");
        Api.Res verify = anonymous.get("/api/verify/" + c.get("verificationCode"));
        assertThat(verify.get("status")).isEqualTo("REVOKED");
        assertThat(verify.get("revokedAt")).isNotNull();
        assertThat(audit.findByCertificateIdOrderById(c.id())).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("REVOKE", "admin", "data palsu"));
    }

    @Test
    void publicVerificationShowsWhatItCertifiesAndNothingPrivate() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("title", "Bimtek <script>alert(1)</script> Arsip"));
        long p = s.attending(70, "Hendra Wijaya");
        Api.Res c = s.issue(p);
        Api.Res v = anonymous.get("/api/verify/" + c.get("verificationCode"));
        assertThat(v.status()).isEqualTo(200);
        assertThat(v.get("valid")).isEqualTo(true);
        assertThat(v.get("holderName")).isEqualTo("Hendra Wijaya, S.Kom.");
        assertThat(v.get("number")).isEqualTo(c.get("number"));
        assertThat(v.get("jp")).isEqualTo(8);
        String nip = (String) Fixtures.aPns(70, "x").get("nip");
        assertThat(v.body()).doesNotContain(nip).doesNotContain(nip.substring(0, 8)).doesNotContain("1975-03");

        Api.Res page = anonymous.send(HttpRequest.GET("/verify/" + c.get("verificationCode")).accept(MediaType.TEXT_HTML));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sah dan berlaku").contains("Hendra Wijaya, S.Kom.")
                .contains("Bimtek &lt;script&gt;alert(1)&lt;/script&gt; Arsip").doesNotContain("<script>").doesNotContain(nip);

        Api.Res unknown = anonymous.get("/api/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("found")).isEqualTo(false);
        assertThat(anonymous.send(HttpRequest.GET("/verify/tidak-ada").accept(MediaType.TEXT_HTML)).body()).contains("Tidak ditemukan");
    }

    @Test
    void aCertificateWithAValidityPeriodShowsAsExpiredAfterIt() {
        // an event of January 2025 (a certificate is never dated before its event's last day)
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("startDate", "2025-01-08").with("endDate", "2025-01-10")
                .with("sessions", List.of(Map.of("date", "2025-01-08", "topic", "Materi 1", "jp", 4)))
                .with("certificate", Map.of("issueDate", "2025-01-10", "validityMonths", 12,
                "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))));
        long p = s.attending(85, "Joko Pranoto");
        Api.Res c = s.issue(p);
        assertThat(c.get("issuedOn")).isEqualTo("2025-01-10");
        assertThat(c.get("expiresOn")).isEqualTo("2026-01-10");
        Api.Res v = anonymous.get("/api/verify/" + c.get("verificationCode"));
        assertThat(v.get("status")).isEqualTo("EXPIRED");
        assertThat(v.get("valid")).isEqualTo(false);
        assertThat(anonymous.send(HttpRequest.GET("/verify/" + c.get("verificationCode")).accept(MediaType.TEXT_HTML)).body())
                .contains("Kedaluwarsa").contains("10 Januari 2026");
    }

    @Test
    void anUploadedPdfIsGenuineOnlyByteForByte() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(80, "Indah Permatasari");
        Api.Res c = s.issue(p);
        byte[] pdf = get("/api/certificates/" + c.id() + "/pdf");
        Api.Res genuine = anonymous.send(HttpRequest.POST("/api/verify", pdf).contentType(MediaType.APPLICATION_PDF_TYPE));
        assertThat(genuine.get("found")).isEqualTo(true);
        assertThat(genuine.get("number")).isEqualTo(c.get("number"));

        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 0x01;
        Api.Res forged = anonymous.send(HttpRequest.POST("/api/verify", tampered).contentType(MediaType.APPLICATION_PDF_TYPE));
        assertThat(forged.get("found")).isEqualTo(false);
        Api.Res notPdf = anonymous.send(HttpRequest.POST("/api/verify", "hello".getBytes()).contentType(MediaType.APPLICATION_PDF_TYPE));
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(notPdf.errorFields()).containsExactly("file");
    }

    @Test
    void aNameTheFontCannotDrawIsRefusedAndUsesNoNumber() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("certificate", Map.of("numberPattern", "UJI/{seq:3}/{yyyy}",
                "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))));
        long ok1 = s.attending(90, "Joko Susilo");
        Api.Res alien = operator.post("/api/participants", Map.of("fullName", "\u738b\u5c0f\u660e", "category", "NON_ASN",
                "nik", "3528010101900099"));
        assertThat(alien.status()).as(alien.body()).isEqualTo(201);
        operator.post("/api/events/" + s.eventId + "/enrolments", Map.of("participantId", alien.id()));
        for (long sid : s.sessionIds) {
            operator.put("/api/events/" + s.eventId + "/sessions/" + sid + "/attendance", List.of(Map.of("participantId", alien.id(), "status", "HADIR")));
        }
        long ok2 = s.attending(91, "Kartika Sari");
        String first = (String) s.issue(ok1).get("number");
        Api.Res refused = s.issue(alien.id());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.get("type")).isEqualTo("https://piagam.id/problems/unprintable-text");
        assertThat(refused.errorFields()).containsExactly("name");
        assertThat((String) refused.errors().get(0).get("message")).contains("\u738b");
        String second = (String) s.issue(ok2).get("number");
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).getYear();
        assertThat(List.of(first, second)).containsExactly("UJI/001/" + year, "UJI/002/" + year);
    }

    @Test
    void issuingNeedsTheSignatoryAndATemplateThatExists() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("certificate", Map.of("issuePlace", "Malang")));
        long p = s.attending(95, "Lukman Hakim");
        Api.Res r = s.issue(p);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/certificate-settings-incomplete");
        assertThat(r.errorFields()).containsExactly("certificate.signatory.name", "certificate.signatory.position");
        assertThat(operator.get("/api/templates").list()).extracting(t -> t.get("name"))
                .contains("sertifikat-keikutsertaan", "sttp-diklat");
        assertThat(operator.send(HttpRequest.GET("/api/templates/sttp-diklat/preview")).status()).isEqualTo(200);
        assertThat(operator.get("/api/templates/tidak-ada/preview").status()).isEqualTo(404);
    }
}
