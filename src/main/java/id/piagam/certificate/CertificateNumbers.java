package id.piagam.certificate;

import id.piagam.numbering.NumberPattern;
import id.piagam.numbering.NumberSequence;
import id.piagam.programme.Event;
import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.HashMap;
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

    /** The counter a certificate's number comes from: the pattern of its kind and the year it counts in. */
    record Series(NumberPattern pattern, int year) {
    }

    Series series(Event event, LocalDate issuedOn, CertificateKind kind) {
        NumberPattern pattern = numberPattern(event, kind);
        return new Series(pattern, pattern.counterYear(issuedOn));
    }

    /** The series' last committed value: the base of the numbers predicted for certificates prepared ahead. */
    long current(Series series) {
        return numbers.current(series.pattern().text(), series.year());
    }

    /** The number the series' counter value prints as for this certificate. */
    String format(Series series, long value, Event event, LocalDate issuedOn, CertificateKind kind) {
        return series.pattern().format(value, issuedOn, kind == CertificateKind.COMPETENCY, Optional.ofNullable(event.code()));
    }

    /** A fresh set of predictions, for one runner of a bulk job. */
    Predictions predictions() {
        return new Predictions();
    }

    /** A number predicted for a certificate prepared ahead, and the series it counts in. */
    record Predicted(String series, String number) {
    }

    /**
     * The numbers the certificates a bulk job prepares ahead will take if nobody else takes one first: each series'
     * committed value, plus one for each certificate of the series planned and not yet committed. A wrong guess
     * (a single issue or another runner took a number in between) costs a render inside the transaction, and then
     * {@link #forget} makes the next guesses start from the committed value again. One runner's thread only.
     */
    final class Predictions {

        private final Map<String, Long> last = new HashMap<>();
        private final Map<String, Integer> pending = new HashMap<>();

        Predicted next(Event event, LocalDate issuedOn, CertificateKind kind) {
            Series series = series(event, issuedOn, kind);
            String key = series.year() + ":" + series.pattern().text();
            long value = last.containsKey(key) ? last.get(key) + 1 : current(series) + pending.getOrDefault(key, 0) + 1;
            last.put(key, value);
            pending.merge(key, 1, Integer::sum);
            return new Predicted(key, format(series, value, event, issuedOn, kind));
        }

        /** The certificate predicted in this series was committed (or given up): it no longer waits ahead. */
        void settled(String series) {
            pending.merge(series, -1, Integer::sum);
        }

        /** A guess was wrong: the next ones start again from the committed values. */
        void forget() {
            last.clear();
        }
    }

    String next(Event event, LocalDate issuedOn, CertificateKind kind) {
        Series series = series(event, issuedOn, kind);
        String number = format(series, numbers.next(series.pattern().text(), series.year()), event, issuedOn, kind);
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
