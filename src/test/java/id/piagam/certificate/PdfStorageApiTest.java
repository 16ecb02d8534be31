package id.piagam.certificate;

import id.piagam.Digests;
import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Images;
import id.piagam.support.Scenario;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificates printed over a 256 KB background are stored in a fraction of their bytes (the background's
 * data once, by its hash), and every way out gives back exactly the bytes that were issued.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfStorageApiTest extends ApiTest implements TestPropertyProvider {

    private static final int BACKGROUND = 256 * 1024;

    @Inject
    DataSource contextual;
    @Inject
    CertificateRepository certificates;
    @Inject
    StoredPdfRepository stored;
    @Inject
    CertificatePdfRepository pdfs;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Images.templatesWithBackground(Files.createTempDirectory("piagam-templates"), "sttp-latar", Images.noisyJpeg(BACKGROUND));
            return Map.of("piagam.templates.dir", dir.toString(), "piagam.backup.dir", "target/test-db/backups");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Scenario withBackground(String code, int firstPerson, int people) {
        Map<String, Object> settings = new HashMap<>((Map<String, Object>) Fixtures.aDiklat().body().get("certificate"));
        settings.put("template", "sttp-latar");
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", code).with("certificate", settings));
        for (int i = 0; i < people; i++) {
            s.scored(s.attending(firstPerson + i, Fixtures.name(firstPerson + i)), 85, 90);
        }
        return s;
    }

    private byte[] get(String path) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    private long single(String sql, Object... args) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(contextual).getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void eachCertificateOverABackgroundIsStoredInAFifthOfItsBytesAndEveryWayOutGivesTheIssuedBytes() throws Exception {
        Scenario s = withBackground("LATAR", 600, 5);
        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(done.get("issued")).as(done.body()).isEqualTo(5);
        List<Certificate> issued = certificates.findByEventIdOrderByNumber(s.eventId);
        assertThat(issued).hasSize(5);

        for (Certificate c : issued) {
            assertThat(c.pdfSize()).isGreaterThan(BACKGROUND);
            long row = single("SELECT LENGTH(bytes) + LENGTH(resources) FROM certificate_pdf WHERE certificate_id = ?", c.id());
            assertThat(row).as("stored bytes of %s (issued %d)", c.number(), c.pdfSize()).isLessThanOrEqualTo(60 * 1024);
            byte[] pdf = get("/api/certificates/" + c.id() + "/pdf");
            assertThat(Digests.sha256(pdf)).isEqualTo(c.sha256());
            assertThat(pdf).hasSize(c.pdfSize());
        }
        // the background's data is stored once for all five, and so is each of the template's two font programs
        assertThat(single("SELECT COUNT(*) FROM pdf_resource WHERE LENGTH(bytes) > ?", 200 * 1024)).isEqualTo(1);
        assertThat(largePieces(issued)).singleElement().satisfies(pieces -> assertThat(pieces).hasSize(3));

        List<String> zipped = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(get("/api/events/" + s.eventId + "/certificates.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                zipped.add(Digests.sha256(b.toByteArray()));
            }
        }
        assertThat(zipped).containsExactlyInAnyOrderElementsOf(issued.stream().map(Certificate::sha256).toList());
        assertThat(PdfChecks.pages(get("/api/events/" + s.eventId + "/certificates.pdf"))).isEqualTo(10);

        Certificate first = issued.get(0);
        Api.Res checked = anonymous.send(HttpRequest.POST("/api/verify", get("/api/certificates/" + first.id() + "/pdf"))
                .contentType(MediaType.APPLICATION_PDF_TYPE));
        assertThat(checked.get("found")).as(checked.body()).isEqualTo(true);
        assertThat(checked.get("number")).isEqualTo(first.number());
    }

    /**
     * The hashes of the large shared pieces (16 KB and more) each certificate's row names, one list per distinct set (the
     * smaller ones are left out from the second time the service sees them: which certificate that is depends on what
     * ran before).
     */
    private Set<List<String>> largePieces(List<Certificate> issued) {
        Set<List<String>> sets = new HashSet<>();
        for (Certificate c : issued) {
            sets.add(pieces(c).stream().filter(e -> Integer.parseInt(e.split(":")[1]) >= PdfSegments.SHARED_MINIMUM)
                    .map(e -> e.substring(e.lastIndexOf(':') + 1)).toList());
        }
        return sets;
    }

    /** The manifest entries ({@code at:length:sha256}) of the certificate's stored row. */
    private List<String> pieces(Certificate c) {
        return Arrays.asList(stored.findById(c.id()).orElseThrow().resources().split(";"));
    }

    /**
     * Without a background, the template's font programs (the same subsets in every certificate, issue #14) are what is
     * kept once: a two-page STTP of about 62 KB is stored as a row of about 22 KB, and still comes back byte for byte.
     */
    @Test
    void theFontProgramsOfATemplatesCertificatesAreStoredOnceAndEveryCertificateComesBackWhole() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("code", "FON"));
        for (int i = 0; i < 3; i++) {
            s.scored(s.attending(680 + i, Fixtures.name(680 + i)), 85, 90);
        }
        waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        List<Certificate> issued = certificates.findByEventIdOrderByNumber(s.eventId);
        assertThat(issued).hasSize(3);

        for (Certificate c : issued) {
            long row = single("SELECT LENGTH(bytes) + LENGTH(resources) FROM certificate_pdf WHERE certificate_id = ?", c.id());
            assertThat(row).as("stored bytes of %s (issued %d)", c.number(), c.pdfSize()).isLessThanOrEqualTo(c.pdfSize() / 2);
            byte[] pdf = get("/api/certificates/" + c.id() + "/pdf");
            assertThat(Digests.sha256(pdf)).isEqualTo(c.sha256());
            assertThat(PdfChecks.text(pdf, 1)).contains(c.holderName());
        }
        assertThat(largePieces(issued)).as("the font programs every row leaves out").singleElement()
                .satisfies(pieces -> assertThat(pieces).hasSize(2));

        // by now the service has seen the template's logo, signature and colour profile (#16: 15 of a row's 28 KB);
        // the next certificate leaves them out too, and still comes back byte for byte
        long late = s.attending(683, Fixtures.name(683));
        s.scored(late, 85, 90);
        Api.Res one = operator.post("/api/events/" + s.eventId + "/enrolments/" + late + "/certificate", Map.of());
        assertThat(one.status()).as(one.body()).isEqualTo(201);
        Certificate c = certificates.findById(((Number) one.get("id")).longValue()).orElseThrow();
        assertThat(pieces(c)).as("two font programs, the logo, the signature and the colour profile").hasSize(5);
        long row = single("SELECT LENGTH(bytes) + LENGTH(resources) FROM certificate_pdf WHERE certificate_id = ?", c.id());
        assertThat(row).as("stored bytes of %s (issued %d)", c.number(), c.pdfSize()).isLessThanOrEqualTo(16 * 1024);
        byte[] pdf = get("/api/certificates/" + c.id() + "/pdf");
        assertThat(Digests.sha256(pdf)).isEqualTo(c.sha256());
        assertThat(PdfChecks.text(pdf, 1)).contains(c.holderName());
        assertThat(PdfChecks.images(pdf, 1)).as("the logo and the signature, put back").containsExactlyInAnyOrder("200 x 200", "300 x 112");
        assertThat(PdfChecks.pdfA1b(pdf).isCompliant()).as("still PDF/A-1b with its colour profile put back").isTrue();
    }

    @Test
    @DisabledIfEnvironmentVariable(named = "MICRONAUT_ENVIRONMENTS", matches = ".*postgresql.*", disabledReason = "SQLite's VACUUM INTO")
    void aRestoredBackupServesTheIssuedBytes() throws Exception {
        Scenario s = withBackground("CADANG", 620, 2);
        waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        List<Certificate> issued = certificates.findByEventIdOrderByNumber(s.eventId);
        Api.Res backup = admin.post("/api/admin/backups", Map.of());
        assertThat(backup.status()).as(backup.body()).isEqualTo(201);

        Path restored = Path.of("target/test-db/restored-" + System.nanoTime() + ".db");
        Files.copy(Path.of((String) backup.get("file")), restored);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "datasources.default.url", "jdbc:sqlite:" + restored.toAbsolutePath() + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000"
                        + "&transaction_mode=IMMEDIATE", "piagam.admin-password", "ignored-existing-admin"));
             HttpClient client = HttpClient.create(server.getURL())) {
            Api api = new Api(client, server.getApplicationContext().getBean(JsonMapper.class));
            String token = api.login("admin", "test-admin-secret");
            for (Certificate c : issued) {
                byte[] pdf = client.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + c.id() + "/pdf").bearerAuth(token), byte[].class);
                assertThat(Digests.sha256(pdf)).isEqualTo(c.sha256());
            }
        }
    }

    @Test
    void aRowStoredWholeBeforeV26IsServedAsItIsThenCompactedWithItsHashUnchanged() throws Exception {
        Scenario s = withBackground("LAMA", 640, 1);
        waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        Certificate c = certificates.findByEventIdOrderByNumber(s.eventId).get(0);
        byte[] whole = pdfs.findById(c.id()).orElseThrow().bytes();
        stored.update(new StoredPdf(c.id(), whole, null)); // as V2 stored it: the whole PDF, no manifest
        assertThat(single("SELECT LENGTH(bytes) FROM certificate_pdf WHERE certificate_id = ?", c.id())).isEqualTo(c.pdfSize());
        assertThat(Digests.sha256(get("/api/certificates/" + c.id() + "/pdf"))).isEqualTo(c.sha256());

        assertThat(pdfs.compactWholeRows()).isGreaterThanOrEqualTo(1);
        assertThat(single("SELECT LENGTH(bytes) + LENGTH(resources) FROM certificate_pdf WHERE certificate_id = ?", c.id()))
                .isLessThanOrEqualTo(60 * 1024);
        assertThat(Digests.sha256(get("/api/certificates/" + c.id() + "/pdf"))).isEqualTo(c.sha256());
        assertThat(single("SELECT COUNT(*) FROM certificate_pdf WHERE resources IS NULL")).isZero();
    }

    @Test
    void aStoredPdfThatNoLongerMatchesItsHashIsNeverServed() throws Exception {
        Scenario s = withBackground("RUSAK", 660, 1);
        waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        Certificate c = certificates.findByEventIdOrderByNumber(s.eventId).get(0);
        StoredPdf row = stored.findById(c.id()).orElseThrow();
        byte[] damaged = row.bytes().clone();
        damaged[damaged.length / 2] ^= 1;
        stored.update(new StoredPdf(c.id(), damaged, row.resources()));

        assertThatThrownBy(() -> get("/api/certificates/" + c.id() + "/pdf"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(500));
    }
}
