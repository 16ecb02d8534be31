package id.piagam.signing;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * A CAdES detached signature as PAdES baseline B-B asks for it: SHA-256, the signed attributes
 * content-type, message-digest and signing-certificate-v2 (which binds the signer's certificate),
 * and no signing-time (the PDF's signature dictionary carries the time). With a timestamp client,
 * an RFC 3161 token over the signature value is added as an unsigned attribute (B-T).
 */
final class CadesSignature {

    /**
     * Who computes an ECDSA signature with a key from a PKCS#12 file: BouncyCastle, whose P-256 arithmetic (a comb over
     * precomputed multiples of the base point) signs in about half the time of the JDK 17 provider's and has less code
     * to compile in a fresh JVM (issue #13 point 8). RSA stays with the JDK's provider, whose big-integer arithmetic is
     * the faster of the two; a token's key is always used through the token's provider. Not registered JVM-wide.
     */
    private static final class FileKeys {
        static final Provider ECDSA = new BouncyCastleProvider();
    }

    private final SigningKey key;
    private final Provider provider;
    private final X509CertificateHolder signer;
    private final DefaultSignedAttributeTableGenerator signedAttributes;
    private final JcaCertStore certificates;
    private final DigestCalculatorProvider digests;
    /** The DER bytes of the certificate chain every CMS of this key carries. */
    private final int chainBytes;

    /** Room for a token from a timestamp authority (its signature and, usually, its certificate chain). */
    static final int TIMESTAMP_ROOM = 8 * 1024;

    /**
     * Prepares, once per key, what every signature of that key repeats: the signer's certificate as BouncyCastle reads
     * it, the signing-certificate-v2 attribute (its hash), the certificate chain the CMS carries, the digest provider.
     */
    CadesSignature(SigningKey key) {
        this.key = key;
        this.provider = key.provider() != null ? key.provider() : key.signatureAlgorithm().endsWith("ECDSA") ? FileKeys.ECDSA : null;
        try {
            this.signer = new JcaX509CertificateHolder(key.certificate());
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(signer.getIssuer())), signer.getSerialNumber());
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certHash, issuerSerial)))));
            this.signedAttributes = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
                @Override
                @SuppressWarnings("rawtypes")
                public AttributeTable getAttributes(Map parameters) {
                    return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
                }
            };
            this.certificates = new JcaCertStore(key.chain());
            int chain = 0;
            for (X509Certificate c : key.chain()) {
                chain += c.getEncoded().length;
            }
            this.chainBytes = chain;
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the signing key's certificate could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * What a CMS of this key is expected to take before the first one is made: the certificate chain it carries, plus
     * the signer's attributes and value (under 2 KB even for RSA 4096), plus a timestamp token's room.
     */
    int expectedSize(boolean timestamped) {
        return chainBytes + 2048 + (timestamped ? TIMESTAMP_ROOM : 0);
    }

    /** The DER-encoded detached CMS over {@code content}; with {@code tsa}, timestamped. */
    byte[] sign(InputStream content, TimestampClient tsa) {
        try {
            byte[] data = content.readAllBytes();
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(key.signatureAlgorithm());
            if (provider != null) {
                builder.setProvider(provider);
            }
            ContentSigner contentSigner = builder.build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(contentSigner, signer));
            generator.addCertificates(certificates);
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(data), false);
            if (tsa != null) {
                signed = withTimestamp(signed, tsa);
            }
            return signed.getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("the document could not be signed: " + e.getMessage(), e);
        }
    }

    private static CMSSignedData withTimestamp(CMSSignedData signed, TimestampClient tsa) throws GeneralSecurityException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = tsa.token(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(TimestampClient.contentInfo(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(List.of(stamped)));
    }
}
