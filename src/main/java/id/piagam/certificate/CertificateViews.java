package id.piagam.certificate;

import id.piagam.rules.Reason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public final class CertificateViews {

    private CertificateViews() {
    }

    @Serdeable
    public record CertificateView(Long id, CertificateKind kind, String number, CertificateStatus status, LocalDate issuedOn,
                                  LocalDate expiresOn, String verificationCode, String verifyUrl, String sha256, int pdfSize,
                                  Long participantId, Long eventId, String holderName, String templateName, String templateHash,
                                  Long supersedesId, Long supersededById, Instant revokedAt, String revokeReason, Instant issuedAt,
                                  String issuedBy, String signerFingerprint) {
        static CertificateView of(Certificate c, String verifyUrl) {
            return new CertificateView(c.id(), c.kind(), c.number(), c.status(), c.issuedOn(), c.expiresOn(), c.verificationCode(),
                    verifyUrl, c.sha256(), c.pdfSize(), c.participantId(), c.eventId(), c.holderName(), c.templateName(),
                    c.templateHash(), c.supersedesId(), c.supersededById(), c.revokedAt(), c.revokeReason(), c.issuedAt(), c.issuedBy(),
                    c.signerFingerprint());
        }
    }

    /** Optionally names the kind wanted; the rule decides whether it may be issued. */
    @Serdeable
    public record IssueRequest(@Nullable CertificateKind kind) {
    }

    @Serdeable
    public record RevokeRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Serdeable
    public record ReissueRequest(@Nullable @Size(max = 500) String reason) {
    }

    @Serdeable
    public record JobView(Long id, Long eventId, CertificateJob.Status status, int total, int issued, int skipped, int failed,
                          Instant createdAt, Instant finishedAt, List<ItemView> items) {
    }

    @Serdeable
    public record ItemView(Long participantId, CertificateJobItem.Outcome outcome, @Nullable String reason,
                           @Nullable ReasonCode reasonCode, Long certificateId) {
    }

    /**
     * A rule's reason for machines: its message code and its arguments as JSON values (decimals as
     * numbers, measured ones with two places; dates ISO-8601; enum constants by name; nested reasons
     * as reason codes).
     */
    @Serdeable
    public record ReasonCode(String code, List<Object> args) {

        public static ReasonCode of(Reason reason) {
            return new ReasonCode(reason.code(), reason.args().stream().map(ReasonCode::json).toList());
        }

        private static Object json(Object arg) {
            if (arg instanceof Reason.Decimal2 d) {
                return d.value().setScale(2, RoundingMode.HALF_UP);
            }
            if (arg instanceof LocalDate || arg instanceof Enum<?>) {
                return arg.toString();
            }
            if (arg instanceof Reason r) {
                return of(r);
            }
            if (arg instanceof List<?> list) {
                return list.stream().map(ReasonCode::json).toList();
            }
            return arg;
        }
    }

    @Serdeable
    public record AuditView(Instant at, String actor, String action, String detail) {
    }
}
