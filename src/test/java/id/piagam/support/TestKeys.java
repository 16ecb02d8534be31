package id.piagam.support;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test keys made on the spot with BouncyCastle (no private key is committed): a test CA and a signer
 * certificate it issued, written to a PKCS#12 file as the agency would configure it.
 */
public final class TestKeys {

    public static final String PASSWORD = "rahasia-uji";
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A CA and the signer it certified; {@code p12} holds the signer's key with the chain. */
    public record Signer(X509Certificate ca, X509Certificate certificate, KeyPair keys, Path p12, KeyPair caKeys) {

        /** The CA's current CRL (DER), revoking nothing, fresh from now for a week: the revocation data a validator asks for. */
        public byte[] crl() throws Exception {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            String algorithm = caKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return builder.build(new JcaContentSignerBuilder(algorithm).build(caKeys.getPrivate())).getEncoded();
        }
    }

    private TestKeys() {
    }

    /** An RSA 2048 ("RSA") or ECDSA P-256 ("EC") signer under a fresh test CA, stored in {@code dir}. */
    public static Signer signer(Path dir, String algorithm, String commonName) throws Exception {
        KeyPair caKeys = keys(algorithm);
        X500Name caName = new X500Name("CN=Piagam Test CA,O=Piagam Uji,C=ID");
        X509Certificate ca = certificate(caName, caName, caKeys, caKeys.getPublic(), true);
        KeyPair signerKeys = keys(algorithm);
        X509Certificate signer = certificate(caName, new X500Name("CN=" + commonName + ",O=BPSDM Provinsi Uji,C=ID"), caKeys,
                signerKeys.getPublic(), false);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("penandatangan", signerKeys.getPrivate(), PASSWORD.toCharArray(), new Certificate[]{signer, ca});
        Path p12 = Files.createTempFile(dir, "signer", ".p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return new Signer(ca, signer, signerKeys, p12, caKeys);
    }

    /** A timestamp authority's key and its self-signed certificate (extended key usage: time stamping only, critical). */
    public record Authority(X509Certificate certificate, KeyPair keys) {
    }

    public static Authority timestampAuthority() throws Exception {
        KeyPair keys = keys("RSA");
        X500Name name = new X500Name("CN=Piagam Test TSA,O=Piagam Uji,C=ID");
        return new Authority(certificate(name, name, keys, keys.getPublic(), false, KeyPurposeId.id_kp_timeStamping), keys);
    }

    private static KeyPair keys(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair issuerKeys, PublicKey subjectKey,
                                               boolean ca, KeyPurposeId... purposes) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject, subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        if (purposes.length > 0) {
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purposes));
        }
        String algorithm = issuerKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
    }
}
