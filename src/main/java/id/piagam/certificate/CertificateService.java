package id.piagam.certificate;

import id.piagam.Digests;
import id.piagam.agency.Agency;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentService;
import id.piagam.validation.FieldProblem;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateModel;
import id.piagam.text.Bahasa;
import id.piagam.rules.DomainRefusal;
import id.piagam.signing.DocumentSigner;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issues, reissues and revokes certificates. Every path asks {@link EligibilityPolicy}; a certificate's
 * row, its number and its PDF are written in one transaction, so a failure or a crash leaves no half
 * certificate and no gap in the numbering. Issuing is idempotent: an enrolment has at most one valid
 * certificate, and asking again returns it.
 */
@Singleton
public class CertificateService {

    /** The result of an issue call: the certificate, and whether this call created it. */
    public record Issued(Certificate certificate, boolean created) {
    }

    private final EventService events;
    private final EnrolmentRepository enrolmentRepository;
    private final EnrolmentService enrolments;
    private final EligibilityService eligibility;
    private final CertificateRepository certificates;
    private final CertificatePdfRepository pdfs;
    private final AuditRepository audit;
    private final CertificateNumbers numbers;
    private final TemplateLookup templates;
    private final CertificateSnapshot snapshots;
    private final Clock clock;
    private final VerifyLinks links;
    private final DocumentSigner signer;

    private final Agency agency;
    private final ApplicationEventPublisher<CertificateEvent> published;

    CertificateService(EventService events, EnrolmentRepository enrolmentRepository, EnrolmentService enrolments,
                       EligibilityService eligibility, CertificateRepository certificates, CertificatePdfRepository pdfs,
                       AuditRepository audit, CertificateNumbers numbers, TemplateLookup templates, CertificateSnapshot snapshots,
                       Clock clock, VerifyLinks links, DocumentSigner signer, Agency agency,
                       ApplicationEventPublisher<CertificateEvent> published) {
        this.agency = agency;
        this.published = published;
        this.events = events;
        this.enrolmentRepository = enrolmentRepository;
        this.enrolments = enrolments;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.pdfs = pdfs;
        this.audit = audit;
        this.numbers = numbers;
        this.templates = templates;
        this.snapshots = snapshots;
        this.clock = clock;
        this.links = links;
        this.signer = signer;
    }

    /**
     * Issues the certificate the participant is eligible for (or the kind named, if the rule allows it),
     * or returns the valid one already issued.
     */
    @Transactional
    public Issued issue(long eventId, long participantId, CertificateKind requested, String actor) {
        Event event = events.get(eventId);
        Enrolment enrolment = enrolmentRepository.findByEventIdAndParticipantId(eventId, participantId)
                .orElseThrow(() -> DomainRefusal.notFound("entity.enrolment", participantId));
        enrolmentRepository.lock(enrolment.id());
        Optional<Certificate> existing = certificates.findByEnrolmentIdAndStatus(enrolment.id(), CertificateStatus.VALID);
        if (existing.isPresent() && (requested == null || existing.get().kind() == requested)) {
            return new Issued(existing.get(), false);
        }
        refuseBeforeItHappened(event);
        EnrolmentOutcome outcome = eligibility.forEnrolment(event, enrolment);
        CertificateKind kind = requested != null ? requested : outcome.decision().kind().orElse(null);
        refuseUnlessAllowed(outcome, kind);
        if (existing.isPresent()) {
            throw DomainRefusal.conflict("already-issued", "problem.alreadyIssued", existing.get().id());
        }
        Certificate c = create(event, enrolment, outcome, kind, actor, null);
        audit.save(new AuditEntry(null, clock.instant(), actor, "ISSUE", c.id(), eventId, c.number()));
        published.publishEvent(new CertificateEvent(CertificateEvent.Type.ISSUED, c, null, null));
        return new Issued(c, true);
    }

    /**
     * A correction: a new certificate from the enrolment's current (refreshed) identity and records,
     * superseding the old one; both are linked. The rule is asked again.
     */
    @Transactional
    public Certificate reissue(long certificateId, String reason, String actor) {
        enrolmentRepository.lock(get(certificateId).enrolmentId());
        Certificate old = get(certificateId);
        if (old.status() != CertificateStatus.VALID) {
            throw DomainRefusal.conflict("not-valid", "problem.certificateNotValid", old.id());
        }
        Event event = events.get(old.eventId());
        refuseBeforeItHappened(event);
        Enrolment enrolment = enrolments.get(old.eventId(), old.participantId());
        EnrolmentOutcome outcome = eligibility.forEnrolment(event, enrolment);
        refuseUnlessAllowed(outcome, old.kind());
        certificates.update(old.withStatus(CertificateStatus.SUPERSEDED, null, null, null, null));
        Certificate fresh = create(event, enrolment, outcome, old.kind(), actor, old.id());
        certificates.update(old.withStatus(CertificateStatus.SUPERSEDED, fresh.id(), null, null, null));
        audit.save(new AuditEntry(null, clock.instant(), actor, "REISSUE", fresh.id(), event.id(),
                "menggantikan " + old.number() + (reason == null || reason.isBlank() ? "" : ": " + reason)));
        audit.save(new AuditEntry(null, clock.instant(), actor, "SUPERSEDE", old.id(), event.id(), "diganti " + fresh.number()));
        published.publishEvent(new CertificateEvent(CertificateEvent.Type.REISSUED, fresh, old.number(), reason));
        return fresh;
    }

    @Transactional
    public Certificate revoke(long certificateId, String reason, String actor) {
        enrolmentRepository.lock(get(certificateId).enrolmentId());
        Certificate c = get(certificateId);
        if (c.status() == CertificateStatus.REVOKED) {
            throw DomainRefusal.conflict("already-revoked", "problem.alreadyRevoked", c.id());
        }
        if (c.status() != CertificateStatus.VALID) {
            throw DomainRefusal.conflict("not-valid", "problem.certificateNotValid", c.id());
        }
        Certificate revoked = certificates.update(c.withStatus(CertificateStatus.REVOKED, c.supersededById(), clock.instant(), actor,
                reason.trim()));
        audit.save(new AuditEntry(null, clock.instant(), actor, "REVOKE", c.id(), c.eventId(), reason.trim()));
        published.publishEvent(new CertificateEvent(CertificateEvent.Type.REVOKED, revoked, null, reason.trim()));
        return revoked;
    }

    public Certificate get(long id) {
        return certificates.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.certificate", id));
    }

    /**
     * Nothing is certified before it happened: a certificate only from the event's last day, and not
     * before the issue date the event sets (days in Asia/Jakarta).
     */
    private void refuseBeforeItHappened(Event event) {
        LocalDate today = LocalDate.now(clock);
        if (event.endDate().isAfter(today)) {
            throw DomainRefusal.rule("event-not-ended", "problem.eventNotEnded", List.of(), event.endDate());
        }
        if (event.certificateDate() != null && event.certificateDate().isAfter(today)) {
            throw DomainRefusal.rule("issue-date-not-reached", "problem.issueDateNotReached",
                    List.of(FieldProblem.of("certificate.issueDate", "certificate.issueDateNotReached", event.certificateDate())),
                    event.certificateDate());
        }
    }

    private void refuseUnlessAllowed(EnrolmentOutcome outcome, CertificateKind kind) {
        if (kind == null) {
            throw notEligible(outcome);
        }
        Optional<EligibilityPolicy.Refusal> refusal = EligibilityPolicy.refuse(outcome.facts(), kind);
        if (refusal.isPresent()) {
            if (refusal.get() == EligibilityPolicy.Refusal.COMPETENCY_REQUIRES_DIKLAT) {
                throw DomainRefusal.rule(refusal.get().type(), "problem.competencyRequiresDiklat", List.of());
            }
            throw notEligible(outcome);
        }
    }

    private static DomainRefusal notEligible(EnrolmentOutcome outcome) {
        return DomainRefusal.rule(EligibilityPolicy.Refusal.NOT_ELIGIBLE.type(), "problem.notEligible", List.of(),
                outcome.decision().reasons());
    }

    private Certificate create(Event event, Enrolment enrolment, EnrolmentOutcome outcome, CertificateKind kind, String actor,
                               Long supersedes) {
        requireSettings(event);
        TemplateModel template = templates.forKind(event.certificateTemplate(), kind);
        LocalDate issuedOn = event.certificateDate() != null ? event.certificateDate() : LocalDate.now(clock);
        String number = numbers.next(event, issuedOn, kind);
        String code = VerificationCodes.next();
        LocalDate expiresOn = event.validityMonths() == null ? null : issuedOn.plusMonths(event.validityMonths());
        RenderInput input = agency.onto(CertificateContent.build(event, outcome.sessions(), enrolment, outcome,
                new CertificateContent.Issue(kind, number, issuedOn, expiresOn, links.verifyUrl(code))));
        DocumentSigner.Signed signed = signer.sign(templates.render(template, signer.enabled() ? input.signedWith(signer.statement()) : input));
        byte[] pdf = signed.pdf();
        Certificate saved = certificates.save(new Certificate(null, kind, number, CertificateStatus.VALID, event.id(), enrolment.id(),
                enrolment.participantId(), enrolment.printedName(), issuedOn, clock.instant(), actor, expiresOn, code, Digests.sha256(pdf),
                pdf.length, snapshots.of(input), template.name(), template.contentHash(), supersedes, null, null, null, null,
                signed.fingerprint()));
        pdfs.save(new CertificatePdf(saved.id(), pdf));
        return saved;
    }

    private void requireSettings(Event event) {
        List<FieldProblem> missing = new ArrayList<>();
        if (event.signatoryName() == null) {
            missing.add(FieldProblem.of("certificate.signatory.name", "jakarta.validation.constraints.NotBlank.message"));
        }
        if (event.signatoryPosition() == null) {
            missing.add(FieldProblem.of("certificate.signatory.position", "jakarta.validation.constraints.NotBlank.message"));
        }
        if (!missing.isEmpty()) {
            throw DomainRefusal.rule("certificate-settings-incomplete", "problem.settingsIncomplete", missing);
        }
    }
}
