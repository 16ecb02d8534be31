package id.piagam.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued certificate. What was printed stays as printed: the PDF's hash, the data snapshot (JSON)
 * and the template's name and content hash are kept with it; the bytes are in {@link CertificatePdf}.
 * {@code signerFingerprint} names the signing certificate (SHA-256) when the PDF was signed, so a key
 * rotation leaves earlier documents attributable.
 */
@MappedEntity("certificate")
public record Certificate(
        @Id @GeneratedValue @Nullable Long id,
        CertificateKind kind,
        String number,
        CertificateStatus status,
        Long eventId,
        Long enrolmentId,
        Long participantId,
        String holderName,
        @TypeDef(type = DataType.STRING) LocalDate issuedOn,
        Instant issuedAt,
        String issuedBy,
        @Nullable @TypeDef(type = DataType.STRING) LocalDate expiresOn,
        String verificationCode,
        String sha256,
        int pdfSize,
        String snapshot,
        String templateName,
        String templateHash,
        @Nullable Long supersedesId,
        @Nullable Long supersededById,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy,
        @Nullable String revokeReason,
        @Nullable String signerFingerprint) {

    Certificate withStatus(CertificateStatus newStatus, Long supersededBy, Instant revokedAt, String revokedBy, String reason) {
        return new Certificate(id, kind, number, newStatus, eventId, enrolmentId, participantId, holderName, issuedOn, issuedAt,
                issuedBy, expiresOn, verificationCode, sha256, pdfSize, snapshot, templateName, templateHash, supersedesId,
                supersededBy, revokedAt, revokedBy, reason, signerFingerprint);
    }
}
