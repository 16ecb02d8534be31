package id.piagam.signing;

import id.piagam.rendering.PdfSigning;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who signed a stored PDF and when, read from its first signature: the signer certificate's subject,
 * issuer, serial number and validity, the time the signature dictionary states, and the certificate's
 * SHA-256 fingerprint. The bytes are those Piagam stored, so their integrity is already established by
 * their recorded SHA-256; this only describes the signature to a reader.
 */
public final class SignatureReader {

    /** A signature as the verification page shows it. */
    public record Signature(String subject, String issuer, String serial, Instant validFrom, Instant validUntil, Instant signedAt,
                            String fingerprint) {
    }

    private SignatureReader() {
    }

    public static Optional<Signature> read(byte[] pdf) {
        for (PdfSigning.Found found : PdfSigning.signatures(pdf)) {
            try (ASN1InputStream in = new ASN1InputStream(found.cms())) { // the reserved room is zero-padded after the CMS
                CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
                SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
                BigInteger serial = certificate.getSerialNumber();
                return Optional.of(new Signature(certificate.getSubject().toString(), certificate.getIssuer().toString(),
                        HexFormat.of().withUpperCase().formatHex(serial.toByteArray()), certificate.getNotBefore().toInstant(),
                        certificate.getNotAfter().toInstant(), found.claimedAt(),
                        HexFormat.of().formatHex(sha256(certificate.getEncoded()))));
            } catch (IOException | RuntimeException | CMSException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
