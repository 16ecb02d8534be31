package id.piagam.certificate;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opaque code in a certificate's QR and verification link: 160 random bits from a CSPRNG,
 * URL-safe Base64. Never the id or the number, so codes cannot be guessed or enumerated.
 */
public final class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    public static String next() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string could be a code at all (27 URL-safe characters). */
    public static boolean looksValid(String code) {
        return code != null && code.length() == 27 && code.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
    }
}
