package id.piagam.signing;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;

/**
 * The EU's reference validator (DSS, with its default validation policy) on one PDF, offline: the given
 * certificates are the trust anchors (the test CA, and a timestamp authority), the CA's CRL is the
 * revocation data, nothing is fetched.
 */
final class DssChecks {

    /** The validator's verdict on the PDF's signature, and its sub-indication when not passed. */
    record Verdict(Indication indication, String subIndication, String signatureFormat, int timestamps) {
    }

    private DssChecks() {
    }

    static Verdict validate(byte[] pdf, byte[] crl, X509Certificate... anchors) throws Exception {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (X509Certificate anchor : anchors) {
            trusted.addCertificate(new CertificateToken(anchor));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new ExternalResourcesCRLSource(new ByteArrayInputStream(crl)));
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        SimpleReport report = validator.validateDocument().getSimpleReport();
        String id = report.getFirstSignatureId();
        if (id == null) {
            return new Verdict(Indication.NO_SIGNATURE_FOUND, null, null, 0);
        }
        return new Verdict(report.getIndication(id), report.getSubIndication(id) == null ? null : report.getSubIndication(id).name(),
                report.getSignatureFormat(id).toString(), report.getSignatureTimestamps(id).size());
    }
}
