package id.piagam.certificate;

import id.piagam.Digests;
import id.piagam.enrolment.Enrolment;
import id.piagam.programme.Event;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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

    /**
     * A certificate printed ahead of its transaction (the bulk job renders on other threads while it commits):
     * rendered, signed, hashed and cut for storage with the number reserved for the person. {@link #create} stores it
     * only when its transaction takes that very number and the content read again prints the same; otherwise it
     * renders there as it always did, so a lost reservation or a changed fact costs time, never correctness.
     */
    record Prepared(String number, String code, CertificateDocuments.Content content, CertificateDocuments.Printed printed,
                    String sha256, PdfSegments.Split split, String snapshot) {
    }

    /** The day a certificate of the event is dated: the event's issue date, else today (Asia/Jakarta). */
    LocalDate issuedOn(Event event) {
        return event.certificateDate() != null ? event.certificateDate() : LocalDate.now(clock);
    }

    /**
     * Prints a certificate with a reserved number, outside any transaction: takes no number and stores nothing. The
     * letterhead and the photos are read once for the batch being planned ({@link #sources}).
     */
    Prepared prepare(EnrolmentOutcome outcome, CertificateKind kind, String reservedNumber, CertificateDocuments.Sources sources) {
        String code = VerificationCodes.next();
        CertificateDocuments.Content content = documents.content(outcome, outcome.event().certificateTemplate(),
                issue(outcome.event(), kind, reservedNumber, issuedOn(outcome.event())), code, sources);
        CertificateDocuments.Printed printed = documents.render(content);
        byte[] pdf = printed.signed().pdf();
        // the snapshot's JSON too: the job's thread, which commits, is the pipeline's one serial stage
        return new Prepared(reservedNumber, code, content, printed, Digests.sha256(pdf), pdfs.split(pdf),
                snapshots.of(printed.input()));
    }

    Certificate create(EnrolmentOutcome outcome, CertificateKind kind, String actor, Long supersedes) {
        return create(outcome, kind, actor, supersedes, null, null);
    }

    /** The letterhead and photos of a batch of one event's enrolments, read once for all of them (under their locks). */
    CertificateDocuments.Sources sources(List<Enrolment> list) {
        return documents.sources(list);
    }

    /**
     * {@link #create} that stores the prepared PDF (may be null) when its number and content are still right, with the
     * letterhead and photo read for the whole batch ({@code sources}; null reads them for this certificate alone).
     */
    Certificate create(EnrolmentOutcome outcome, CertificateKind kind, String actor, Long supersedes, Prepared prepared,
                       CertificateDocuments.Sources sources) {
        Event event = outcome.event();
        Enrolment enrolment = outcome.enrolment();
        IssuingRules.requireSettings(event);
        LocalDate issuedOn = issuedOn(event);
        String number = numbers.next(event, issuedOn, kind, enrolment.id());
        String code = prepared != null ? prepared.code() : VerificationCodes.next();
        CertificateContent.Issue issue = issue(event, kind, number, issuedOn);
        CertificateDocuments.Content content = sources == null ? documents.content(outcome, event.certificateTemplate(), issue, code)
                : documents.content(outcome, event.certificateTemplate(), issue, code, sources);
        boolean asPrepared = prepared != null && prepared.number().equals(number) && prepared.content().printsAs(content);
        CertificateDocuments.Printed printed = asPrepared ? prepared.printed() : documents.render(content);
        byte[] pdf = printed.signed().pdf();
        Certificate saved = certificates.save(new Certificate(null, kind, number, CertificateStatus.VALID, event.id(), enrolment.id(),
                enrolment.participantId(), enrolment.printedName(), issuedOn, clock.instant(), actor, issue.expiresOn(), code,
                asPrepared ? prepared.sha256() : Digests.sha256(pdf), pdf.length, asPrepared ? prepared.snapshot() : snapshots.of(printed.input()), printed.template().name(),
                printed.template().contentHash(), supersedes, null, null, null, null, printed.signed().fingerprint()));
        if (asPrepared) {
            pdfs.save(saved.id(), prepared.split());
        } else {
            pdfs.save(new CertificatePdf(saved.id(), pdf));
        }
        return saved;
    }

    private static CertificateContent.Issue issue(Event event, CertificateKind kind, String number, LocalDate issuedOn) {
        LocalDate expiresOn = event.validityMonths() == null ? null : issuedOn.plusMonths(event.validityMonths());
        return new CertificateContent.Issue(kind, number, issuedOn, expiresOn, null);
    }
}
