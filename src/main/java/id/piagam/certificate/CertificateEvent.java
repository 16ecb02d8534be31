package id.piagam.certificate;

import io.micronaut.core.annotation.Nullable;

/**
 * Published synchronously inside the transaction that issued, reissued or revoked a certificate, so a
 * listener (the mail outbox) writes in that same transaction: committed together or not at all.
 */
public record CertificateEvent(Type type, Certificate certificate, @Nullable String previousNumber, @Nullable String reason) {

    public enum Type {
        ISSUED, REISSUED, REVOKED
    }
}
