package id.piagam.certificate;

import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentService;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Issues, reissues and revokes certificates. Every path asks {@link EligibilityPolicy} through
 * {@link IssuingRules}; {@link NewCertificates} writes a certificate's row, its number and its PDF in the
 * caller's transaction, so a failure or a crash leaves no half certificate and no gap in the numbering.
 * Issuing is idempotent: an enrolment has at most one valid certificate, and asking again returns it.
 * Each change is audited and announced (the mail outbox listens in the same transaction).
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
    private final NewCertificates newCertificates;
    private final AuditRepository audit;
    private final Clock clock;
    private final ApplicationEventPublisher<CertificateEvent> published;

    CertificateService(EventService events, EnrolmentRepository enrolmentRepository, EnrolmentService enrolments,
                       EligibilityService eligibility, CertificateRepository certificates, NewCertificates newCertificates,
                       AuditRepository audit, Clock clock, ApplicationEventPublisher<CertificateEvent> published) {
        this.events = events;
        this.enrolmentRepository = enrolmentRepository;
        this.enrolments = enrolments;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.newCertificates = newCertificates;
        this.audit = audit;
        this.clock = clock;
        this.published = published;
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
        return issueLocked(event, enrolment, requested, actor);
    }

    /**
     * {@link #issue} for a caller whose transaction already holds the enrolment's row lock (the bulk job, which
     * takes it before its own "done?" check): the lock is not taken a second time.
     */
    Issued issueLocked(Event event, Enrolment enrolment, CertificateKind requested, String actor) {
        return issueLocked(event, enrolment, requested, actor, null);
    }

    /** {@link #issueLocked} storing a certificate the bulk job prepared ahead (may be null), if it is still right. */
    Issued issueLocked(Event event, Enrolment enrolment, CertificateKind requested, String actor, NewCertificates.Prepared prepared) {
        Optional<Certificate> existing = certificates.findByEnrolmentIdAndStatus(enrolment.id(), CertificateStatus.VALID);
        if (existing.isPresent() && (requested == null || existing.get().kind() == requested)) {
            return new Issued(existing.get(), false);
        }
        return issueNew(event, () -> eligibility.forEnrolment(event, enrolment), requested, existing, actor, prepared, null);
    }

    /**
     * {@link #issueLocked} for several enrolments of one event whose locks the caller's transaction holds (a batch of
     * the bulk job), each with the certificate prepared for it (or null): their valid certificates and their facts
     * read with one query per table, then each decided and issued in order exactly as a single issue. A refusal or
     * failure of any of them ends the call; the caller rolls the batch back.
     */
    List<Issued> issueAllLocked(Event event, List<Enrolment> list, String actor, List<NewCertificates.Prepared> prepared) {
        return issueAllLocked(event, list, actor, prepared, en -> { });
    }

    /**
     * {@link #issueAllLocked(Event, List, String, List)} telling the caller first which of them already hold a valid
     * certificate, before anyone is issued (the bulk job gives up the numbers it held for them, so the others of the
     * batch can take them).
     */
    List<Issued> issueAllLocked(Event event, List<Enrolment> list, String actor, List<NewCertificates.Prepared> prepared,
                                Consumer<Enrolment> alreadyIssued) {
        Map<Long, Certificate> valid = certificates.findByEnrolmentIdInAndStatus(list.stream().map(Enrolment::id).toList(),
                CertificateStatus.VALID).stream().collect(Collectors.toMap(Certificate::enrolmentId, c -> c));
        list.stream().filter(en -> valid.containsKey(en.id())).forEach(alreadyIssued);
        // the facts only of those who get one now (another job or instance issued the others)
        List<Enrolment> toIssue = list.stream().filter(en -> !valid.containsKey(en.id())).toList();
        Iterator<EnrolmentOutcome> outcomes = toIssue.isEmpty() ? Collections.emptyIterator()
                : eligibility.outcomes(event, toIssue).iterator();
        // the letterhead and their photos once for the batch too, not once per certificate
        CertificateDocuments.Sources sources = toIssue.isEmpty() ? null : newCertificates.sources(toIssue);
        List<Issued> issued = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Certificate existing = valid.get(list.get(i).id());
            if (existing != null) {
                issued.add(new Issued(existing, false));
            } else {
                EnrolmentOutcome outcome = outcomes.next();
                issued.add(issueNew(event, () -> outcome, null, Optional.empty(), actor, prepared.get(i), sources));
            }
        }
        return issued;
    }

    private Issued issueNew(Event event, Supplier<EnrolmentOutcome> facts, CertificateKind requested, Optional<Certificate> existing,
                            String actor, NewCertificates.Prepared prepared, CertificateDocuments.Sources sources) {
        IssuingRules.refuseBeforeItHappened(event, LocalDate.now(clock));
        EnrolmentOutcome outcome = facts.get();
        CertificateKind kind = requested != null ? requested : outcome.decision().kind().orElse(null);
        IssuingRules.refuseUnlessAllowed(outcome, kind);
        if (existing.isPresent()) {
            throw DomainRefusal.conflict("already-issued", "problem.alreadyIssued", existing.get().id());
        }
        Certificate c = newCertificates.create(outcome, kind, actor, null, prepared, sources);
        audit.save(new AuditEntry(null, clock.instant(), actor, "ISSUE", c.id(), event.id(), c.number()));
        published.publishEvent(new CertificateEvent(CertificateEvent.Type.ISSUED, c, null, null));
        return new Issued(c, true);
    }

    /**
     * What {@link #issueLocked} would issue for the outcome (no kind requested), read without the lock: the bulk job's
     * plan, to prepare certificates ahead. Empty when it would return the one already issued or refuse; the
     * transaction decides again.
     */
    Optional<CertificateKind> wouldIssue(EnrolmentOutcome outcome, boolean alreadyIssued) {
        if (alreadyIssued) {
            return Optional.empty();
        }
        try {
            IssuingRules.refuseBeforeItHappened(outcome.event(), LocalDate.now(clock));
            CertificateKind kind = outcome.decision().kind().orElse(null);
            IssuingRules.refuseUnlessAllowed(outcome, kind);
            IssuingRules.requireSettings(outcome.event());
            return Optional.of(kind);
        } catch (DomainRefusal refused) {
            return Optional.empty();
        }
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
        IssuingRules.refuseBeforeItHappened(event, LocalDate.now(clock));
        Enrolment enrolment = enrolments.get(old.eventId(), old.participantId());
        EnrolmentOutcome outcome = eligibility.forEnrolment(event, enrolment);
        IssuingRules.refuseUnlessAllowed(outcome, old.kind());
        certificates.update(old.withStatus(CertificateStatus.SUPERSEDED, null, null, null, null));
        Certificate fresh = newCertificates.create(outcome, old.kind(), actor, old.id());
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
}
