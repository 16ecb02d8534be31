package id.piagam.certificate;

import io.micronaut.core.annotation.Introspected;

import java.time.LocalDate;

/**
 * What a person's records show of a certificate: the columns they print, without the snapshot, the template and the
 * hashes the full row carries (a projection: only these columns are selected).
 */
@Introspected
public record CertificateSummary(Long id, Long enrolmentId, CertificateKind kind, String number, CertificateStatus status,
                                 LocalDate issuedOn, String verificationCode) {
}
