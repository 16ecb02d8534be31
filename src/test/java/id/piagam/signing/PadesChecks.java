package id.piagam.signing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import java.security.MessageDigest;
import java.util.List;

/**
 * An independent reading of a PAdES signature: PDFBox finds the signature dictionary and the
 * ByteRange, BouncyCastle verifies the CMS over those bytes. Nothing here uses Piagam's own code.
 */
final class PadesChecks {

    /** What a validator looks at in the one signature of a PDF. */
    record Reading(String subFilter, boolean coversWholeFile, boolean cryptographicallyValid, String digestAlgorithm,
                   byte[] signingCertificateV2Hash, boolean hasSigningTime, X509CertificateHolder signer, boolean hasTimestamp) {
    }

    private PadesChecks() {
    }

    static List<PDSignature> signatures(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getSignatureDictionaries();
        }
    }

    static Reading read(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.size() != 1) {
                throw new AssertionError("expected one signature, found " + signatures.size());
            }
            PDSignature signature = signatures.get(0);
            int[] range = signature.getByteRange();
            byte[] signed = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed),
                    ContentInfo.getInstance(new ASN1InputStream(signature.getContents(pdf)).readObject())); // the reserved room is zero-padded
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSSignerDigestMismatchException e) {
                valid = false;
            }
            Attribute v2 = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            byte[] v2Hash = null;
            if (v2 != null) {
                ASN1Encodable value = v2.getAttrValues().getObjectAt(0);
                v2Hash = SigningCertificateV2.getInstance(value).getCerts()[0].getCertHash();
            }
            String digest = signer.getDigestAlgOID().equals(NISTObjectIdentifiers.id_sha256.getId()) ? "SHA-256" : signer.getDigestAlgOID();
            boolean stamped = signer.getUnsignedAttributes() != null
                    && signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null;
            return new Reading(signature.getSubFilter(), range[0] == 0 && (long) range[2] + range[3] == pdf.length, valid, digest, v2Hash,
                    signer.getSignedAttributes().get(CMSAttributes.signingTime) != null, certificate, stamped);
        }
    }

    /** The signature's RFC 3161 timestamp token, and the signature value it must stamp. */
    record Stamp(TimeStampToken token, byte[] signatureValue) {
    }

    static Stamp timestamp(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = doc.getSignatureDictionaries().get(0);
            CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(new ASN1InputStream(signature.getContents(pdf)).readObject()));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            Attribute attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            ContentInfo token = ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0));
            return new Stamp(new TimeStampToken(token), signer.getSignature());
        }
    }

    static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
