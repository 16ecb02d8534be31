package id.piagam.certificate;

import id.piagam.Digests;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentService;
import id.piagam.validation.FieldProblem;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.rendering.TemplateModel;
import id.piagam.rendering.UnprintableTextException;
import id.piagam.rules.DomainRefusal;
import id.piagam.web.BaseUrl;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final NumberSequence numbers;
    private final TemplateCatalogue templates;
    private final JsonMapper json;
    private final Clock clock;
    private final BaseUrl baseUrl;
    private final String defaultPattern;
    private final Map<CertificateKind, String> defaultTemplates;

    CertificateService(EventService events, EnrolmentRepository enrolmentRepository, EnrolmentService enrolments,
                       EligibilityService eligibility, CertificateRepository certificates, CertificatePdfRepository pdfs,
                       AuditRepository audit, NumberSequence numbers, TemplateCatalogue templates, JsonMapper json, Clock clock,
                       BaseUrl baseUrl,
                       @Value("${piagam.certificates.number-pattern}") String defaultPattern,
                       @Value("${piagam.certificates.templates.competency}") String competencyTemplate,
                       @Value("${piagam.certificates.templates.attendance}") String attendanceTemplate) {
        this.events = events;
        this.enrolmentRepository = enrolmentRepository;
        this.enrolments = enrolments;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.pdfs = pdfs;
        this.audit = audit;
        this.numbers = numbers;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.defaultPattern = defaultPattern;
        this.defaultTemplates = Map.of(CertificateKind.COMPETENCY, competencyTemplate, CertificateKind.ATTENDANCE, attendanceTemplate);
        NumberPattern.of(defaultPattern);
    }

    public String verifyUrl(String code) {
        return baseUrl.get() + "/verify/" + code;
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
        return revoked;
    }

    public Certificate get(long id) {
        return certificates.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.certificate", id));
    }

    /** Renders a template with sample data, without storing anything. */
    public byte[] preview(String templateName) {
        TemplateModel template = template(templateName);
        CertificateKind kind = template.kinds().contains("COMPETENCY") ? CertificateKind.COMPETENCY : CertificateKind.ATTENDANCE;
        return render(template, SampleCertificate.input(kind, verifyUrl("CONTOH-KODE-VERIFIKASI")));
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
        TemplateModel template = template(event.certificateTemplate() != null && templateServes(event.certificateTemplate(), kind)
                ? event.certificateTemplate() : defaultTemplates.get(kind));
        LocalDate issuedOn = event.certificateDate() != null ? event.certificateDate() : LocalDate.now(clock);
        NumberPattern pattern = numberPattern(event);
        String number = pattern.format(numbers.next(pattern.text(), pattern.counterYear(issuedOn)), issuedOn, kind,
                Optional.ofNullable(event.code()));
        Optional<Certificate> taken = certificates.findByNumber(number);
        if (taken.isPresent()) {
            // patterns are checked against each other when saved; this is the last guard (and rolls the counter back)
            throw numberTaken(number, taken.get());
        }
        String code = VerificationCodes.next();
        LocalDate expiresOn = event.validityMonths() == null ? null : issuedOn.plusMonths(event.validityMonths());
        RenderInput input = CertificateContent.build(event, outcome.sessions(), enrolment, outcome,
                new CertificateContent.Issue(kind, number, issuedOn, expiresOn, verifyUrl(code)));
        byte[] pdf = render(template, input);
        Certificate saved = certificates.save(new Certificate(null, kind, number, CertificateStatus.VALID, event.id(), enrolment.id(),
                enrolment.participantId(), enrolment.printedName(), issuedOn, clock.instant(), actor, expiresOn, code, Digests.sha256(pdf),
                pdf.length, snapshot(input), template.name(), template.contentHash(), supersedes, null, null, null, null));
        pdfs.save(new CertificatePdf(saved.id(), pdf));
        return saved;
    }

    /** The event's pattern; one saved before today's rules that breaks them must be corrected first. */
    private NumberPattern numberPattern(Event event) {
        String text = event.numberPattern() != null ? event.numberPattern() : defaultPattern;
        List<FieldProblem> problems = NumberPattern.check(text, "certificate.numberPattern");
        if (!problems.isEmpty()) {
            throw DomainRefusal.rule("number-pattern-invalid", "problem.numberPatternInvalid", problems, text);
        }
        return NumberPattern.of(text);
    }

    private static DomainRefusal numberTaken(String number, Certificate other) {
        return new DomainRefusal(DomainRefusal.Kind.CONFLICT, "number-taken", "problem.numberTaken",
                List.of(number, other.number(), String.valueOf(other.id()), other.holderName()), List.of(), other.id());
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

    private boolean templateServes(String name, CertificateKind kind) {
        return templates.find(name).flatMap(TemplateCatalogue.Entry::model).map(m -> m.kinds().contains(kind.name())).orElse(false);
    }

    private TemplateModel template(String name) {
        TemplateCatalogue.Entry entry = templates.find(name)
                .orElseThrow(() -> DomainRefusal.rule("template-unavailable", "problem.templateMissing", List.of(), name));
        return entry.model().orElseThrow(() -> DomainRefusal.rule("template-unavailable", "problem.templateBroken", List.of(),
                name, entry.error().orElse("")));
    }

    private byte[] render(TemplateModel template, RenderInput input) {
        try {
            return templates.renderer().render(template, input);
        } catch (UnprintableTextException e) {
            throw DomainRefusal.rule("unprintable-text", "problem.unprintable",
                    List.of(FieldProblem.of(e.element(), "certificate.unprintable", e.getMessage())), e.text());
        }
    }

    private String snapshot(RenderInput input) {
        Map<String, Object> snapshot = new LinkedHashMap<>(input.fields());
        snapshot.put("curriculum", input.curriculum().stream().map(r -> Map.of("topic", r.topic(), "jp", r.jp())).toList());
        snapshot.put("scores", input.scores().stream().map(r -> Map.of("component", r.component(), "weight", r.weight(),
                "score", r.score())).toList());
        try {
            return json.writeValueAsString(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
