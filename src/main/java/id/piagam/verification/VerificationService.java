package id.piagam.verification;

import id.piagam.Digests;
import id.piagam.certificate.Certificate;
import id.piagam.certificate.CertificateKind;
import id.piagam.certificate.CertificatePdfRepository;
import id.piagam.certificate.CertificateRepository;
import id.piagam.certificate.CertificateSnapshot;
import id.piagam.certificate.VerificationCodes;
import id.piagam.certificate.VerifyLinks;
import id.piagam.signing.SignatureReader;
import id.piagam.text.Bahasa;
import id.piagam.certificate.CertificateStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Public verification by code or by the PDF itself. A known and an unknown code do the same work
 * (one indexed lookup, one snapshot parse), so response times do not tell which codes exist.
 */
@Singleton
public class VerificationService {

    private static final String DUMMY_SNAPSHOT = "{\"certificate.title\":\"-\",\"event.title\":\"-\",\"event.dateRange\":\"-\","
            + "\"event.jp\":\"0\",\"event.organiser\":\"-\"}";

    private final CertificateRepository certificates;
    private final CertificatePdfRepository pdfs;
    private final VerifyLinks links;
    private final JsonMapper json;
    private final Clock clock;

    VerificationService(CertificateRepository certificates, CertificatePdfRepository pdfs, VerifyLinks links, JsonMapper json,
                        Clock clock) {
        this.certificates = certificates;
        this.pdfs = pdfs;
        this.links = links;
        this.json = json;
        this.clock = clock;
    }

    public VerificationView byCode(String code) {
        // a string that cannot be a code is looked up as "" (never found): the same work, and no odd bytes reach the database
        Optional<Certificate> found = certificates.findByVerificationCode(VerificationCodes.looksValid(code) ? code : "");
        Map<String, Object> snapshot = parse(found.map(Certificate::snapshot).orElse(DUMMY_SNAPSHOT));
        return found.map(c -> view(c, snapshot)).orElseGet(VerificationView::unknown);
    }

    /** Whether these exact bytes are a certificate that was issued here. */
    public VerificationView byPdf(byte[] pdf) {
        return certificates.findBySha256(Digests.sha256(pdf)).map(c -> view(c, parse(c.snapshot()))).orElseGet(VerificationView::unknown);
    }

    private VerificationView view(Certificate c, Map<String, Object> s) {
        boolean expired = c.expiresOn() != null && c.expiresOn().isBefore(LocalDate.now(clock));
        String status = c.status() == CertificateStatus.VALID && expired ? "EXPIRED" : c.status().name();
        Optional<Certificate> successor = Optional.ofNullable(c.supersededById()).flatMap(certificates::findById);
        Optional<VerificationView.SignatureView> signature = signature(c);
        // a narasumber's or moderator's document counts the JP of their own sessions; a panitia's none
        boolean ownRole = !c.kind().forPeserta();
        Integer jp = !ownRole ? Integer.valueOf(text(s, "event.jp")) : text(s, "role.jp").isEmpty() || c.kind() == CertificateKind.PANITIA ? null
                : Integer.valueOf(text(s, "role.jp"));
        String role = !ownRole ? null : (text(s, "role.function") + " " + text(s, "role.name")).trim();
        return new VerificationView(true, "VALID".equals(status), status, c.kind().name(), text(s, "certificate.title"), c.number(),
                c.holderName(), text(s, "event.title"), text(s, "event.dateRange"), jp,
                text(s, "event.organiser"), c.issuedOn(), c.expiresOn(), c.revokedAt(), successor.map(Certificate::number).orElse(null),
                successor.map(x -> links.verifyUrl(x.verificationCode())).orElse(null), signature.isPresent(), signature.orElse(null),
                role, Bahasa.parseLongDate(text(s, "event.startDate")).orElse(null), Bahasa.parseLongDate(text(s, "event.endDate")).orElse(null));
    }

    /** The stored PDF's signature; only certificates recorded as signed are read (the others cost nothing). */
    private Optional<VerificationView.SignatureView> signature(Certificate c) {
        if (c.signerFingerprint() == null) {
            return Optional.empty();
        }
        return pdfs.find(c).flatMap(pdf -> SignatureReader.read(pdf.bytes()))
                .map(s -> new VerificationView.SignatureView(s.subject(), s.issuer(), s.serial(), s.validFrom(), s.validUntil(), s.signedAt(),
                        s.fingerprint()));
    }

    private Map<String, Object> parse(String snapshot) {
        return CertificateSnapshot.fields(json, snapshot);
    }

    private static String text(Map<String, Object> s, String key) {
        return CertificateSnapshot.text(s, key);
    }
}
