package id.piagam.verification;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What anyone holding a certificate may learn about it: whether it is genuine and still valid, and
 * what it certifies. Never the NIK, the birth date or the NIP.
 */
@Serdeable
public record VerificationView(boolean found, boolean valid, String status, String kind, String title, String number,
                               String holderName, String eventTitle, String eventDates, Integer jp, String organiser,
                               LocalDate issuedOn, LocalDate expiresOn, Instant revokedAt, String supersededByNumber,
                               String supersededByUrl) {

    static VerificationView unknown() {
        return new VerificationView(false, false, "UNKNOWN", null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
