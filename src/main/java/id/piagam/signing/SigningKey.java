package id.piagam.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * The agency's signing key and its certificate chain (signer first). {@code provider} is the token's
 * provider for a PKCS#11 key, whose private part never leaves the token; null for a PKCS#12 file.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {

    public SigningKey {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** SHA-256 of the signer certificate's DER encoding, lower-case hex: what each issued certificate records. */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JCA signature algorithm for this key: SHA-256 with RSA or ECDSA. */
    String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException("unsupported signing key algorithm " + privateKey.getAlgorithm());
        };
    }
}
