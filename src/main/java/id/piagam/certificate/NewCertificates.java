package id.piagam.certificate;

import id.piagam.Digests;
import id.piagam.enrolment.Enrolment;
import id.piagam.programme.Event;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Creates one certificate inside the caller's transaction: the next number of its series, a verification
 * code, the printed PDF, and the row with its hash and snapshot beside the stored bytes. The caller has
 * already asked the rules; a failure here rolls the whole certificate back, number included.
 */
@Singleton
class NewCertificates {

    private final CertificateNumbers numbers;
    private final CertificateDocuments documents;
    private final CertificateSnapshot snapshots;
    private final CertificateRepository certificates;
    private final CertificatePdfRepository pdfs;
    private final Clock clock;

    NewCertificates(CertificateNumbers numbers, CertificateDocuments documents, CertificateSnapshot snapshots,
                    CertificateRepository certificates, CertificatePdfRepository pdfs, Clock clock) {
        this.numbers = numbers;
        this.documents = documents;
        this.snapshots = snapshots;
        this.certificates = certificates;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    Certificate create(EnrolmentOutcome outcome, CertificateKind kind, String actor, Long supersedes) {
        Event event = outcome.event();
        Enrolment enrolment = outcome.enrolment();
        IssuingRules.requireSettings(event);
        LocalDate issuedOn = event.certificateDate() != null ? event.certificateDate() : LocalDate.now(clock);
        LocalDate expiresOn = event.validityMonths() == null ? null : issuedOn.plusMonths(event.validityMonths());
        String number = numbers.next(event, issuedOn, kind);
        String code = VerificationCodes.next();
        CertificateDocuments.Printed printed = documents.print(outcome, event.certificateTemplate(),
                new CertificateContent.Issue(kind, number, issuedOn, expiresOn, null), code);
        byte[] pdf = printed.signed().pdf();
        Certificate saved = certificates.save(new Certificate(null, kind, number, CertificateStatus.VALID, event.id(), enrolment.id(),
                enrolment.participantId(), enrolment.printedName(), issuedOn, clock.instant(), actor, expiresOn, code, Digests.sha256(pdf),
                pdf.length, snapshots.of(printed.input()), printed.template().name(), printed.template().contentHash(), supersedes,
                null, null, null, null, printed.signed().fingerprint()));
        pdfs.save(new CertificatePdf(saved.id(), pdf));
        return saved;
    }
}
