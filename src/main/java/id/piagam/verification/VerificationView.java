package id.piagam.verification;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What anyone holding a certificate may learn about it: whether it is genuine and still valid, and
 * what it certifies (for a narasumber, moderator or panitia document, the role as printed: "Narasumber",
 * "Sekretaris Panitia"; null for a participant's certificate), and whether the PDF issued is signed
 * electronically, by whom and when. Never the NIK, the birth date or the NIP. {@code eventStart} and {@code eventEnd} are the
 * dates the document states ({@code eventDates} in its words), null for a document whose stored text has none.
 */
@Serdeable
public record VerificationView(boolean found, boolean valid, String status, String kind, String title, String number,
                               String holderName, String eventTitle, String eventDates, Integer jp, String organiser,
                               LocalDate issuedOn, LocalDate expiresOn, Instant revokedAt, String supersededByNumber,
                               String supersededByUrl, boolean signed, SignatureView signature, String role, LocalDate eventStart,
                               LocalDate eventEnd) {

    /** Who signed the stored PDF electronically, and when (null when it was issued unsigned). */
    @Serdeable
    public record SignatureView(String subject, String issuer, String serialNumber, Instant validFrom, Instant validUntil,
                                Instant signedAt, String fingerprint) {
    }

    static VerificationView unknown() {
        return new VerificationView(false, false, "UNKNOWN", null, null, null, null, null, null, null, null, null, null, null, null, null,
                false, null, null, null, null);
    }
}
