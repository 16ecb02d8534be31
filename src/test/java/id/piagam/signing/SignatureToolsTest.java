package id.piagam.signing;

import id.piagam.support.TestKeys;
import id.piagam.support.TestTsa;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import eu.europa.esig.dss.enumerations.Indication;
import id.piagam.bench.RenderSample;
import id.piagam.rendering.PdfChecks;
import id.piagam.rendering.PdfRenderer;
import id.piagam.rendering.TemplateParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Piagam's signatures checked by tools outside Java: poppler's {@code pdfsig} accepts them and rejects a
 * changed byte, and a key kept on a PKCS#11 token (SoftHSM2, through the JDK's SunPKCS11) signs an issued STTP
 * without leaving it, which pdfsig, the EU's DSS and veraPDF (PDF/A-1b) accept and refuse once a byte changes. Needs {@code poppler-utils} and {@code softhsm2} (Debian); tagged {@code tools}, run by {@code -Pfull}.
 */
@Tag("tools")
class SignatureToolsTest {

    private static final String PIN = "123456";

    @TempDir
    static Path dir;

    private static byte[] unsigned;

    @BeforeAll
    static void aPdf() throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            unsigned = out.toByteArray();
        }
    }

    private static DocumentSigner p12Signer(String algorithm) throws Exception {
        TestKeys.Signer keys = TestKeys.signer(dir, algorithm, "Kepala BPSDM Uji");
        return new DocumentSigner(keys.p12().toString(), TestKeys.PASSWORD, "", "", "", "Dokumen ini ditandatangani", Clock.systemUTC());
    }

    private static String pdfsig(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(dir, "signed", ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out; // pdfsig exits 0 for a bad signature too: only its text says
    }

    @Test
    void pdfsigAcceptsRsaAndEcdsaSignaturesAndRejectsAChangedByte() throws Exception {
        for (String algorithm : new String[]{"RSA", "EC"}) {
            byte[] signed = p12Signer(algorithm).sign(unsigned).pdf();
            assertThat(pdfsig(signed)).as(algorithm).contains("Signature is Valid").contains("Total document signed")
                    .contains("ETSI.CAdES.detached").contains("SHA-256");

            byte[] tampered = signed.clone();
            tampered[PadesChecks.signatures(signed).get(0).getByteRange()[1] / 2] ^= 0x01;
            assertThat(pdfsig(tampered)).as(algorithm + " tampered").doesNotContain("Signature is Valid");
        }
    }

    @Test
    void pdfsigAcceptsATimestampedSignature() throws Exception {
        try (TestTsa tsa = TestTsa.start()) {
            TestKeys.Signer keys = TestKeys.signer(dir, "RSA", "Kepala BPSDM Uji");
            DocumentSigner signer = new DocumentSigner(keys.p12().toString(), TestKeys.PASSWORD, "", "", tsa.url().toString(),
                    "Dokumen ini ditandatangani", Clock.systemUTC());
            byte[] signed = signer.sign(unsigned).pdf();
            // poppler 22.12's pdfsig checks the signature but prints nothing about a timestamp token; the token itself is
            // checked against the authority by TimestampedCertificateTest and by EU DSS (DssValidationTest)
            assertThat(pdfsig(signed)).contains("Signature is Valid").contains("Total document signed");
            assertThat(tsa.granted()).isEqualTo(1);
            assertThat(PadesChecks.read(signed).hasTimestamp()).isTrue();
        }
    }

    @Test
    void aKeyOnAPkcs11TokenSigns() throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path softhsmConf = Path.of(System.getenv("SOFTHSM2_CONF"));
        Files.writeString(softhsmConf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "piagam", "--pin", PIN, "--so-pin", "654321")
                .redirectErrorStream(true).start();
        String initOut = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(init.waitFor()).as(initOut).isZero();
        Path config = dir.resolve("pkcs11.cfg");
        Files.writeString(config, "name = piagam\nlibrary = /usr/lib/softhsm/libsofthsm2.so\nslotListIndex = 0\n");

        // put a test key on the token, as an agency's key would be (generated there or imported once)
        TestKeys.Signer keys = TestKeys.signer(dir, "EC", "Kepala BPSDM Token");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.p12())) {
            p12.load(in, TestKeys.PASSWORD.toCharArray());
        }
        Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN.toCharArray());
        token.setKeyEntry("penandatangan", p12.getKey("penandatangan", TestKeys.PASSWORD.toCharArray()), null,
                p12.getCertificateChain("penandatangan"));

        DocumentSigner signer = new DocumentSigner("", PIN, "", config.toString(), "", "Dokumen ini ditandatangani", Clock.systemUTC());
        assertThat(signer.key().orElseThrow().privateKey().getClass().getName()).as("a handle to the key inside the token")
                .contains("P11");
        // an issued STTP as the service prints it (PDF/A-1b, two pages), signed through the token
        byte[] sttp = new PdfRenderer().render(new TemplateParser(Path.of("templates")).parse("sttp-diklat"), RenderSample.input());
        DocumentSigner.Signed signed = signer.sign(sttp);
        Certificate onToken = p12.getCertificate("penandatangan");
        assertThat(signed.fingerprint()).isEqualTo(SigningKey.fingerprint((X509Certificate) onToken));
        PadesChecks.Reading reading = PadesChecks.read(signed.pdf());
        assertThat(reading.cryptographicallyValid()).isTrue();
        assertThat(reading.signer().getSubject().toString()).contains("CN=Kepala BPSDM Token");
        assertThat(pdfsig(signed.pdf())).contains("Signature is Valid").contains("Total document signed");
        DssChecks.Verdict verdict = DssChecks.validate(signed.pdf(), keys.crl(), keys.ca());
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatureFormat()).isEqualTo("PAdES-BASELINE-B");
        assertThat(PdfChecks.pdfA1b(signed.pdf()).isCompliant()).as("still PDF/A-1b").isTrue();

        // one changed byte inside the signed range: every validator refuses it
        byte[] tampered = signed.pdf().clone();
        tampered[PadesChecks.signatures(tampered).get(0).getByteRange()[1] / 2] ^= 0x01;
        assertThat(pdfsig(tampered)).doesNotContain("Signature is Valid");
        assertThat(PadesChecks.read(tampered).cryptographicallyValid()).isFalse();
        assertThat(DssChecks.validate(tampered, keys.crl(), keys.ca()).indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    }
}
