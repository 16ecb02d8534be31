package id.piagam.signing;

import eu.europa.esig.dss.enumerations.Indication;
import id.piagam.certificate.CertificateRepository;
import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.TestKeys;
import id.piagam.support.TestTsa;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code PIAGAM_SIGNING_TSA_URL} set, each signature carries an RFC 3161 timestamp from that authority
 * (PAdES B-T), here a real one started by the test. When the authority is down or answers garbage, nothing is
 * issued: a signature weaker than configured is not made silently; the request is refused (503, the
 * authority named), the number is not used, and a bulk job lists the reason for each person.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimestampedCertificateTest extends ApiTest implements TestPropertyProvider {

    private final TestTsa tsa = TestTsa.start();

    private TestKeys.Signer signer;

    @Inject
    CertificateRepository certificates;

    @Override
    public Map<String, String> getProperties() {
        try {
            signer = TestKeys.signer(Files.createTempDirectory("piagam-keys"), "EC", "Kepala BPSDM Uji");
            return Map.of("piagam.signing.keystore", signer.p12().toString(), "piagam.signing.password", TestKeys.PASSWORD,
                    "piagam.signing.tsa-url", tsa.url().toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void authorityAnswersAgain() {
        tsa.mode(TestTsa.Mode.GRANT);
    }

    @AfterAll
    void stopAuthority() {
        tsa.close();
    }

    private byte[] pdf(long certificateId) {
        return httpClient.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + certificateId + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
    }

    @Test
    void eachSignatureCarriesATimestampOverItsValueFromTheAuthority() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res c = s.issue(s.attending(4201, "Ratna Sari"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        byte[] pdf = pdf(c.id());

        PadesChecks.Reading sig = PadesChecks.read(pdf);
        assertThat(sig.cryptographicallyValid()).isTrue();
        assertThat(sig.hasTimestamp()).as("B-T: a signature-time-stamp unsigned attribute").isTrue();
        PadesChecks.Stamp stamp = PadesChecks.timestamp(pdf);
        stamp.token().validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa.certificate()));
        assertThat(stamp.token().getTimeStampInfo().getMessageImprintDigest()).as("the token stamps this signature's value")
                .isEqualTo(PadesChecks.sha256(stamp.signatureValue()));
        assertThat(PdfChecks.pdfA1b(pdf).isCompliant()).as("still PDF/A-1b").isTrue();

        DssChecks.Verdict verdict = DssChecks.validate(pdf, signer.crl(), signer.ca(), tsa.certificate());
        assertThat(verdict.indication()).as(verdict.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verdict.signatureFormat()).isEqualTo("PAdES-BASELINE-T");
        assertThat(verdict.timestamps()).isEqualTo(1);
    }

    @Test
    void anAuthorityThatIsDownRefusesTheIssueAndUsesNoNumber() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Api.Res first = s.issue(s.attending(4202, "Yusuf Hidayat"));
        long waiting = s.attending(4203, "Wulan Anggraini");

        tsa.mode(TestTsa.Mode.DOWN);
        Api.Res refused = s.issue(waiting);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.get("type")).isEqualTo("https://piagam.id/problems/timestamp-unavailable");
        assertThat((String) refused.get("detail")).contains(tsa.url().toString()).contains("tidak diterbitkan");
        assertThat(certificates.findAll()).as("nothing written").noneMatch(c -> c.participantId() == waiting);

        tsa.mode(TestTsa.Mode.GRANT);
        Api.Res issued = s.issue(waiting);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(sequence(issued)).as("the refused issue used no number").isEqualTo(sequence(first) + 1);
    }

    @Test
    void aBulkJobListsTheReasonForEachPersonWhenTheAuthorityAnswersGarbage() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long a = s.attending(4204, "Siti Rahmawati");
        long b = s.attending(4205, "Agus Salim");

        tsa.mode(TestTsa.Mode.GARBAGE);
        Api.Res done = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(done.get("failed")).isEqualTo(2);
        assertThat(done.get("issued")).isEqualTo(0);
        for (Object item : (List<?>) done.get("items")) {
            Map<?, ?> i = (Map<?, ?>) item;
            assertThat(i.get("outcome")).isEqualTo("FAILED");
            assertThat((String) i.get("reason")).contains("cap waktu").contains(tsa.url().toString());
        }
        assertThat(certificates.findAll()).noneMatch(c -> c.participantId() == a || c.participantId() == b);
    }

    private static int sequence(Api.Res certificate) {
        return Integer.parseInt(((String) certificate.get("number")).split("/")[1]); // 800.2.4.2/{seq:4}/BPSDM/{yyyy}
    }
}
