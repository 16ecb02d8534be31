package id.piagam.certificate;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public verification's lookup maps its row by hand ({@link CertificateRepository#findByVerificationCode}): it gives
 * the same certificate as Micronaut Data's own mapping of the same row, with every nullable column set (an expiry, a
 * successor, a revocation, a signer) and with each of them empty, on either engine.
 */
@MicronautTest(transactional = false)
class CertificateRowsTest extends ApiTest {

    @Inject
    CertificateRepository certificates;

    @Test
    void aCertificateFoundByItsCodeEqualsTheFrameworkRow() {
        Scenario bimtek = Scenario.of(operator, Fixtures.aBimtek().with("code", "ROWS-V").with("startDate", "2025-01-08")
                .with("endDate", "2025-01-10").with("sessions", List.of(Map.of("date", "2025-01-08", "topic", "Materi 1", "jp", 4)))
                .with("certificate", Map.of("issueDate", "2025-01-10", "validityMonths", 12,
                        "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi"))));
        long holder = bimtek.attending(973, "Rina Kartika");
        long first = bimtek.issue(holder).id();
        Api.Res reissued = admin.post("/api/certificates/" + first + "/reissue", Map.of("reason", "nama salah"));
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        long second = reissued.id();
        Api.Res revoked = admin.post("/api/certificates/" + second + "/revoke", Map.of("reason", "salah cetak"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        // a signer's fingerprint as a signed issue records it (this suite issues unsigned)
        Certificate signed = certificates.findById(second).orElseThrow();
        certificates.update(new Certificate(signed.id(), signed.kind(), signed.number(), signed.status(), signed.eventId(),
                signed.enrolmentId(), signed.participantId(), signed.holderName(), signed.issuedOn(), signed.issuedAt(), signed.issuedBy(),
                signed.expiresOn(), signed.verificationCode(), signed.sha256(), signed.pdfSize(), signed.snapshot(), signed.templateName(),
                signed.templateHash(), signed.supersedesId(), signed.supersededById(), signed.revokedAt(), signed.revokedBy(),
                signed.revokeReason(), "ab".repeat(32)));
        Scenario other = Scenario.of(operator, Fixtures.aBimtek().with("code", "ROWS-W"));
        Api.Res plainIssue = other.issue(other.attending(974, "Joko Susilo"));
        assertThat(plainIssue.status()).as(plainIssue.body()).isEqualTo(201);

        Certificate superseded = certificates.findById(first).orElseThrow();
        Certificate full = certificates.findById(second).orElseThrow();
        assertThat(superseded.supersededById()).isEqualTo(second);
        assertThat(superseded.expiresOn()).isNotNull();
        assertThat(full.supersedesId()).isEqualTo(first);
        assertThat(full.revokedAt()).isNotNull();
        assertThat(full.revokeReason()).isEqualTo("salah cetak");
        assertThat(full.signerFingerprint()).isEqualTo("ab".repeat(32));
        Certificate plain = certificates.findById(plainIssue.id()).orElseThrow();
        assertThat(plain.expiresOn()).isNull();
        assertThat(plain.supersedesId()).isNull();
        assertThat(plain.revokedAt()).isNull();
        assertThat(plain.signerFingerprint()).isNull();
        for (Certificate c : List.of(superseded, full, plain)) {
            assertThat(certificates.findByVerificationCode(c.verificationCode())).as(c.number()).contains(c);
        }
        assertThat(certificates.findByVerificationCode("")).isEmpty();
        assertThat(certificates.findByVerificationCode("ZZZZZZZZZZZZ")).isEmpty();
    }
}
