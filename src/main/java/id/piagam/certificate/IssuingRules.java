package id.piagam.certificate;

import id.piagam.programme.Event;
import id.piagam.rules.DomainRefusal;
import id.piagam.validation.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The refusals every issuing path shares, as plain rules: nothing certified before it happened, only what the policy allows. */
final class IssuingRules {

    private IssuingRules() {
    }

    /**
     * Nothing is certified before it happened: a certificate only from the event's last day, and not
     * before the issue date the event sets (days in Asia/Jakarta).
     */
    static void refuseBeforeItHappened(Event event, LocalDate today) {
        if (event.endDate().isAfter(today)) {
            throw DomainRefusal.rule("event-not-ended", "problem.eventNotEnded", List.of(), event.endDate());
        }
        if (event.certificateDate() != null && event.certificateDate().isAfter(today)) {
            throw DomainRefusal.rule("issue-date-not-reached", "problem.issueDateNotReached",
                    List.of(FieldProblem.of("certificate.issueDate", "certificate.issueDateNotReached", event.certificateDate())),
                    event.certificateDate());
        }
    }

    /** Refuses unless the policy allows a certificate of this kind for the outcome; no kind means not eligible. */
    static void refuseUnlessAllowed(EnrolmentOutcome outcome, CertificateKind kind) {
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

    /** A certificate needs a signatory's name and position; refused with both fields named. */
    static void requireSettings(Event event) {
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

    private static DomainRefusal notEligible(EnrolmentOutcome outcome) {
        return DomainRefusal.rule(EligibilityPolicy.Refusal.NOT_ELIGIBLE.type(), "problem.notEligible", List.of(),
                outcome.decision().reasons());
    }
}
