package id.piagam.signing;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Images;
import id.piagam.support.Scenario;
import id.piagam.support.TestKeys;
import id.piagam.support.Browser;
import eu.europa.esig.dss.enumerations.Indication;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a PKCS#12 key configured, every issued PDF carries a PAdES B-B signature that verifies
 * independently (PDFBox + BouncyCastle), stays PDF/A-1b, and is still recognised byte for byte by the
 * upload check; the EU's reference validator (DSS) passes it against the test CA; one changed byte breaks the
 * signature, DSS's verdict and the upload check.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedCertificateTest extends ApiTest implements TestPropertyProvider {

    private TestKeys.Signer signer;

    @Override
    public Map<String, String> getProperties() {
        try {
            signer = TestKeys.signer(Files.createTempDirectory("piagam-keys"), "RSA", "Kepala BPSDM Uji");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("piagam.signing.keystore", signer.p12().toString(), "piagam.signing.password", TestKeys.PASSWORD);
    }

    private byte[] pdf(long certificateId) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    @Test
    void anIssuedPdfCarriesAPadesBaselineSignatureThatVerifies() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(4101, "Ratna Sari"));
        byte[] pdf = pdf(c.id());

        PadesChecks.Reading sig = PadesChecks.read(pdf);
        assertThat(sig.subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(sig.coversWholeFile()).as("the ByteRange covers the whole file but the signature").isTrue();
        assertThat(sig.cryptographicallyValid()).isTrue();
        assertThat(sig.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(sig.signingCertificateV2Hash()).as("signing-certificate-v2 binds the signer's certificate")
                .isEqualTo(PadesChecks.sha256(signer.certificate().getEncoded()));
        assertThat(sig.hasSigningTime()).as("PAdES: the time is in the dictionary, not the CMS").isFalse();
        assertThat(sig.signer().getSubject().toString()).contains("CN=Kepala BPSDM Uji");
        assertThat(sig.hasTimestamp()).as("no TSA configured: B-B").isFalse();
        assertThat(PdfChecks.pdfA1b(pdf).isCompliant()).as("still PDF/A-1b").isTrue();
        assertThat(PdfChecks.text(pdf, 1)).as("the statement stands where a scanned signature would")
                .contains("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik");
    }

    @Test
    void theEuReferenceValidatorPassesTheSignatureAndFailsAChangedByte() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(4104, "Dewi Lestari"));
        byte[] pdf = pdf(c.id());

        DssChecks.Verdict verdict = DssChecks.validate(pdf, signer.crl(), signer.ca());
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatureFormat()).isEqualTo("PAdES-BASELINE-B");

        byte[] tampered = pdf.clone();
        tampered[PadesChecks.signatures(pdf).get(0).getByteRange()[1] / 2] ^= 0x01;
        DssChecks.Verdict broken = DssChecks.validate(tampered, signer.crl(), signer.ca());
        assertThat(broken.indication()).as(broken.toString()).isNotEqualTo(Indication.TOTAL_PASSED).isNotEqualTo(Indication.PASSED);
    }

    @Test
    void verificationSaysWhoSignedTheStoredPdfAndWhen() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(4103, "Wulan Anggraini"));
        Api.Res v = anonymous.get("/api/verify/" + c.get("verificationCode"));
        assertThat(v.get("signed")).isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Object> sig = (Map<String, Object>) v.get("signature");
        assertThat((String) sig.get("subject")).contains("CN=Kepala BPSDM Uji");
        assertThat((String) sig.get("issuer")).contains("CN=Piagam Test CA");
        assertThat(new BigInteger((String) sig.get("serialNumber"), 16)).isEqualTo(signer.certificate().getSerialNumber());
        assertThat(sig.get("signedAt")).isNotNull();
        assertThat(sig.get("fingerprint")).isEqualTo(HexFormat.of().formatHex(PadesChecks.sha256(signer.certificate().getEncoded())));
        assertThat(operator.get("/api/certificates/" + c.id()).get("signerFingerprint")).as("recorded with the certificate (V21)")
                .isEqualTo(sig.get("fingerprint"));

        Document page = Jsoup.parse(new Browser(anonymous).get("/verify/" + c.get("verificationCode")).body());
        assertThat(page.selectFirst("#signature .subject").text()).contains("CN=Kepala BPSDM Uji");
        assertThat(page.selectFirst("#signature .signed-at").text()).endsWith("WIB");
        Document dashboard = Jsoup.parse(new Browser(anonymous).signIn("admin", "test-admin-secret").get("/").body());
        assertThat(dashboard.selectFirst("#unsigned")).as("a key is configured: no warning").isNull();
    }

    @Test
    void aSignedPdfIsGenuineOnUploadAndOneChangedByteBreaksIt() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(4102, "Yusuf Hidayat"));
        byte[] pdf = pdf(c.id());
        Api.Res genuine = anonymous.send(HttpRequest.POST("/api/verify", pdf).contentType(MediaType.APPLICATION_PDF_TYPE));
        assertThat(genuine.get("found")).isEqualTo(true);
        assertThat(genuine.get("number")).isEqualTo(c.get("number"));

        byte[] tampered = pdf.clone();
        int inSignedPart = PadesChecks.signatures(pdf).get(0).getByteRange()[1] / 2;
        tampered[inSignedPart] ^= 0x01;
        assertThat(PadesChecks.read(tampered).cryptographicallyValid()).isFalse();
        Api.Res forged = anonymous.send(HttpRequest.POST("/api/verify", tampered).contentType(MediaType.APPLICATION_PDF_TYPE));
        assertThat(forged.get("found")).isEqualTo(false);
    }

    @Test
    void aSignedSttpStillPrintsThePhotoThePersonFrozeAndStaysPdfA() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long p = s.attending(4121, "Dewi Lestari");
        s.scored(p, 85, 90);
        Api.Res photo = operator.send(HttpRequest.PUT("/api/participants/" + p + "/photo", Images.passPhoto(300, 400, "png", true))
                .contentType("image/png"));
        assertThat(photo.status()).as(photo.body()).isEqualTo(200);
        assertThat(operator.put("/api/events/" + s.eventId + "/enrolments/" + p, Map.of("refreshIdentity", true)).status()).isEqualTo(200);

        byte[] pdf = pdf(s.issue(p).id());
        assertThat(PdfChecks.images(pdf, 1)).as("the signed document keeps its pictures").contains("300 x 400");
        assertThat(PdfChecks.pdfA1b(pdf).isCompliant()).isTrue();
        assertThat(PadesChecks.signatures(pdf)).hasSize(1);
    }

    @Test
    void theSignatureTakesTheRoomItNeedsAndLeavesTheDocumentsMetadataAsRendered() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        for (String name : new String[]{"Rina Marlina", "Bagus Prasetyo"}) { // the second reserves what the first one's signature took
            byte[] pdf = pdf(s.issue(s.attending(name.length() + 4130, name)).id());
            PDSignature signature = PadesChecks.signatures(pdf).get(0);
            int[] range = signature.getByteRange();
            int room = (range[2] - range[1] - 2) / 2; // the hex string's bytes, its angle brackets apart
            int cms = new ASN1InputStream(signature.getContents(pdf)).readObject().getEncoded().length;
            assertThat(room).as("room for the CMS (%d bytes) without 24 KB of zeros", cms).isBetween(cms, cms + 4096);
            String eof = "%%EOF";
            byte[] rendered = Arrays.copyOf(pdf, new String(pdf, StandardCharsets.ISO_8859_1).indexOf(eof) + eof.length());
            try (PDDocument doc = Loader.loadPDF(pdf); PDDocument before = Loader.loadPDF(rendered)) {
                byte[] xmp = doc.getDocumentCatalog().getMetadata().toByteArray();
                assertThat(xmp).as("the XMP packet is the rendered one, not rewritten in the signature's revision")
                        .isEqualTo(before.getDocumentCatalog().getMetadata().toByteArray());
                assertThat(doc.getDocumentInformation().getModificationDate()).as("Info's dates as rendered, so XMP and Info agree")
                        .isEqualTo(before.getDocumentInformation().getModificationDate());
                assertThat(doc.getDocumentInformation().getCreationDate()).isEqualTo(before.getDocumentInformation().getCreationDate());
            }
            assertThat(PdfChecks.pdfA1b(pdf).isCompliant()).isTrue();
        }
    }
}
