package id.piagam.certificate;

import id.piagam.numbering.NumberPattern;
import id.piagam.numbering.NumberSequence;
import id.piagam.programme.Event;
import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The next number for a certificate of an event, from the event's pattern (or the default) and its
 * counter, taken inside the issuing transaction; a number still taken by another certificate is a
 * refusal that rolls the counter back.
 */
@Singleton
class CertificateNumbers {

    private final NumberSequence numbers;
    private final CertificateRepository certificates;
    private final String defaultPattern;
    private final Map<CertificateKind, String> roleDefaults;

    CertificateNumbers(NumberSequence numbers, CertificateRepository certificates,
                       @Value("${piagam.certificates.number-pattern}") String defaultPattern,
                       @Value("${piagam.certificates.number-patterns.narasumber}") String narasumberPattern,
                       @Value("${piagam.certificates.number-patterns.moderator}") String moderatorPattern,
                       @Value("${piagam.certificates.number-patterns.panitia}") String panitiaPattern) {
        this.numbers = numbers;
        this.certificates = certificates;
        this.defaultPattern = defaultPattern;
        this.roleDefaults = Map.of(CertificateKind.NARASUMBER, narasumberPattern, CertificateKind.MODERATOR, moderatorPattern,
                CertificateKind.PANITIA, panitiaPattern);
        NumberPattern.of(defaultPattern);
        roleDefaults.values().forEach(NumberPattern::of);
    }

    String next(Event event, LocalDate issuedOn, CertificateKind kind) {
        NumberPattern pattern = numberPattern(event, kind);
        String number = pattern.format(numbers.next(pattern.text(), pattern.counterYear(issuedOn)), issuedOn,
                kind == CertificateKind.COMPETENCY,
                Optional.ofNullable(event.code()));
        Optional<Certificate> taken = certificates.findByNumber(number);
        if (taken.isPresent()) {
            // patterns are checked against each other when saved; this is the last guard (and rolls the counter back)
            throw numberTaken(number, taken.get());
        }
        return number;
    }

    /**
     * The event's pattern for the kind (a participant's certificate, or each role's series), else the default of
     * the kind; one saved before today's rules that breaks them must be corrected first.
     */
    private NumberPattern numberPattern(Event event, CertificateKind kind) {
        String own = switch (kind) {
            case COMPETENCY, ATTENDANCE -> event.numberPattern();
            case NARASUMBER -> event.narasumberNumberPattern();
            case MODERATOR -> event.moderatorNumberPattern();
            case PANITIA -> event.panitiaNumberPattern();
        };
        String text = own != null ? own : kind.forPeserta() ? defaultPattern : roleDefaults.get(kind);
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
}
