package id.piagam.certificate;

import id.piagam.numbering.NumberPattern;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.numbering.NumberSequence;
import id.piagam.programme.Event;
import id.piagam.validation.FieldProblem;
import id.piagam.rules.DomainRefusal;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The next number for a certificate of an event, from the event's pattern (or the default) and its
 * counter, taken inside the issuing transaction; a number still taken by another certificate is a
 * refusal that rolls the counter back. A bulk job reserves its people's numbers ahead ({@link #claim}), which is
 * how several runners split one event; whoever issues to a person then takes the number reserved for them.
 */
@Singleton
class CertificateNumbers {

    private final NumberSequence numbers;
    private final CertificateRepository certificates;
    private final CertificateJobItemRepository items;
    private final TransactionOperations<Connection> tx;
    private final String defaultPattern;
    private final Map<CertificateKind, String> roleDefaults;
    /**
     * The patterns checked and parsed, by text: a bulk job asks for each person's series two or three times per
     * certificate, and checking the text each time was 6 % of the job's thread (JFR, #14 point 1).
     */
    private final Map<String, NumberPattern> patterns = new ConcurrentHashMap<>();
    private static final int PATTERNS = 256;

    CertificateNumbers(NumberSequence numbers, CertificateRepository certificates, CertificateJobItemRepository items,
                       TransactionOperations<Connection> tx,
                       @Value("${piagam.certificates.number-pattern}") String defaultPattern,
                       @Value("${piagam.certificates.number-patterns.narasumber}") String narasumberPattern,
                       @Value("${piagam.certificates.number-patterns.moderator}") String moderatorPattern,
                       @Value("${piagam.certificates.number-patterns.panitia}") String panitiaPattern) {
        this.numbers = numbers;
        this.certificates = certificates;
        this.items = items;
        this.tx = tx;
        this.defaultPattern = defaultPattern;
        this.roleDefaults = Map.of(CertificateKind.NARASUMBER, narasumberPattern, CertificateKind.MODERATOR, moderatorPattern,
                CertificateKind.PANITIA, panitiaPattern);
        NumberPattern.of(defaultPattern);
        roleDefaults.values().forEach(NumberPattern::of);
    }

    /** The counter a certificate's number comes from: the pattern of its kind and the year it counts in. */
    record Series(NumberPattern pattern, int year) {

        boolean sameAs(Series other) {
            return other != null && pattern.text().equals(other.pattern.text()) && year == other.year;
        }

        /** The reservation is a number of this series. */
        boolean holds(NumberSequence.Reservation r) {
            return pattern.text().equals(r.pattern()) && year == r.year();
        }
    }

    /** The one order series' counters are locked in (a claim, a give-up), so two runners holding several cannot deadlock. */
    private static String lockOrder(String pattern, int year) {
        return year + ":" + pattern;
    }

    Series series(Event event, LocalDate issuedOn, CertificateKind kind) {
        NumberPattern pattern = numberPattern(event, kind);
        return new Series(pattern, pattern.counterYear(issuedOn));
    }

    /**
     * The series a person's certificate would be numbered in, known from their role alone (a peserta's STTP and
     * attendance certificate share the event's series), so a bulk job claims people before it reads their facts.
     */
    Series series(Event event, LocalDate issuedOn, EnrolmentRole role) {
        return series(event, issuedOn, switch (role) {
            case PESERTA -> CertificateKind.ATTENDANCE;
            case NARASUMBER -> CertificateKind.NARASUMBER;
            case MODERATOR -> CertificateKind.MODERATOR;
            case PANITIA -> CertificateKind.PANITIA;
        });
    }

    /** The number the series' counter value prints as for this certificate. */
    String format(Series series, long value, Event event, LocalDate issuedOn, CertificateKind kind) {
        return series.pattern().format(value, issuedOn, kind == CertificateKind.COMPETENCY, Optional.ofNullable(event.code()));
    }

    /** A person a bulk job wants to issue to, and the series their number would come from. */
    record Wanted(Enrolment enrolment, Series series) {
    }

    /**
     * What a claim gave: the counter value each person's certificate is rendered with (their reservation for this
     * job, or with {@code takeOthers} the one another job or runner holds), and the people another claim holds.
     */
    record Claims(Map<Long, Long> values, Set<Long> heldElsewhere) {
    }

    /**
     * A bulk job's claim on its next people (issue #16 point 3), decided outside any transaction and taken in one
     * short one: the series' counters held (in a fixed order), then skipped whoever has a valid certificate or a
     * progress line in this job, set aside whoever a live reservation holds (another job, another runner of this
     * one, or this job before a crash: done last), and a number reserved for each of the others. Only this is
     * serialised across instances; the rendering happens after, with the numbers reserved.
     */
    Claims claim(long jobId, List<Wanted> wanted, boolean takeOthers) {
        if (wanted.isEmpty()) {
            return new Claims(Map.of(), Set.of());
        }
        List<Long> ids = wanted.stream().map(w -> w.enrolment().id()).toList();
        // a chunk whose every person a live reservation holds (another runner of the job was first, or the last pass
        // over what others held) needs no number: answered without holding the counter, which the others' claims wait on
        Map<Long, NumberSequence.Reservation> unlocked = tx.executeRead(status -> numbers.reservations(ids));
        if (unlocked.size() == ids.size()) {
            if (!takeOthers) {
                return new Claims(Map.of(), Set.copyOf(ids));
            }
            return tx.executeRead(status -> held(jobId, wanted, unlocked));
        }
        return tx.executeWrite(status -> {
            Map<String, List<Wanted>> bySeries = new TreeMap<>();
            for (Wanted w : wanted) {
                bySeries.computeIfAbsent(lockOrder(w.series().pattern().text(), w.series().year()), k -> new ArrayList<>()).add(w);
            }
            bySeries.values().forEach(ws -> numbers.lock(ws.get(0).series().pattern().text(), ws.get(0).series().year()));
            // the reservations first: a commit that uses one deletes it together with writing the certificate and the
            // progress line, so whichever moment it commits at (PostgreSQL reads each statement's committed state),
            // one of the reads after this one sees the person issued or handled
            Map<Long, NumberSequence.Reservation> held = numbers.reservations(ids);
            Set<Long> issued = new HashSet<>(certificates.findValidEnrolmentIdsIn(ids));
            Set<Long> handled = items.findByJobIdAndParticipantIdIn(jobId, wanted.stream().map(w -> w.enrolment().participantId()).toList())
                    .stream().map(CertificateJobItem::participantId).collect(Collectors.toSet());
            Map<Long, Long> values = new HashMap<>();
            Set<Long> elsewhere = new HashSet<>();
            for (List<Wanted> ws : bySeries.values()) {
                Series series = ws.get(0).series();
                List<Long> free = new ArrayList<>();
                for (Wanted w : ws) {
                    long id = w.enrolment().id();
                    NumberSequence.Reservation r = held.get(id);
                    if (issued.contains(id) || handled.contains(w.enrolment().participantId())) {
                        continue;
                    }
                    if (r == null) {
                        free.add(id);
                    } else if (!takeOthers) {
                        elsewhere.add(id);
                    } else if (series.holds(r)) {
                        values.put(id, r.value());
                    }
                }
                values.putAll(numbers.reserve(series.pattern().text(), series.year(), jobId, free));
            }
            return new Claims(values, elsewhere);
        });
    }

    /**
     * The claim of a last pass over people who all hold a reservation, read without the counter (nothing is reserved):
     * the number held for each one not yet issued nor handled in this job, in the reads' order of {@link #claim}.
     */
    private Claims held(long jobId, List<Wanted> wanted, Map<Long, NumberSequence.Reservation> held) {
        List<Long> ids = wanted.stream().map(w -> w.enrolment().id()).toList();
        Set<Long> issued = new HashSet<>(certificates.findValidEnrolmentIdsIn(ids));
        Set<Long> handled = items.findByJobIdAndParticipantIdIn(jobId, wanted.stream().map(w -> w.enrolment().participantId()).toList())
                .stream().map(CertificateJobItem::participantId).collect(Collectors.toSet());
        Map<Long, Long> values = new HashMap<>();
        for (Wanted w : wanted) {
            NumberSequence.Reservation r = held.get(w.enrolment().id());
            if (!issued.contains(w.enrolment().id()) && !handled.contains(w.enrolment().participantId()) && w.series().holds(r)) {
                values.put(w.enrolment().id(), r.value());
            }
        }
        return new Claims(values, Set.of());
    }

    /**
     * People the job just claimed and the rules refuse give their numbers up, in a short transaction holding their
     * series' counters (as a claim does, so two runners giving up at once leave no gap between them); each number goes
     * to the job's highest reservation ({@link NumberSequence#free}). Answers the numbers the job now holds for the
     * others.
     */
    Map<Long, Long> giveUp(long jobId, List<Long> refused, Set<Long> others) {
        return tx.executeWrite(status -> {
            List<Long> ids = new ArrayList<>(refused);
            ids.addAll(others);
            Map<Long, NumberSequence.Reservation> held = numbers.reservations(ids);
            Map<String, NumberSequence.Reservation> bySeries = new TreeMap<>();
            held.values().stream().filter(r -> r.jobId() == jobId).forEach(r -> bySeries.putIfAbsent(lockOrder(r.pattern(), r.year()), r));
            bySeries.values().forEach(r -> numbers.lock(r.pattern(), r.year()));
            refused.forEach(id -> numbers.free(id, jobId));
            Map<Long, Long> values = new HashMap<>();
            numbers.reservations(List.copyOf(others)).values().stream().filter(r -> r.jobId() == jobId)
                    .forEach(r -> values.put(r.enrolmentId(), r.value()));
            return values;
        });
    }

    /** The person's number held by the job becomes free again (they are refused now, or done by another runner). */
    void free(long enrolmentId, long jobId) {
        numbers.free(enrolmentId, jobId);
    }

    /** A job ended: its leftover numbers become free, and free ones at the top of a series return to the counter. */
    void release(long jobId) {
        numbers.release(jobId);
    }

    /** How many people the job holds numbers for right now. */
    int reservedBy(long jobId) {
        return numbers.reservedBy(jobId);
    }

    /**
     * The number of a certificate for the person, inside the issuing transaction: their reservation in the series if
     * a bulk job holds one, else the lowest free number, else the counter's next ({@link NumberSequence#take}).
     */
    String next(Event event, LocalDate issuedOn, CertificateKind kind, long enrolmentId) {
        Series series = series(event, issuedOn, kind);
        String number = format(series, numbers.take(series.pattern().text(), series.year(), enrolmentId), event, issuedOn, kind);
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
        NumberPattern known = text == null ? null : patterns.get(text);
        if (known != null) {
            return known;
        }
        List<FieldProblem> problems = NumberPattern.check(text, "certificate.numberPattern");
        if (!problems.isEmpty()) {
            throw DomainRefusal.rule("number-pattern-invalid", "problem.numberPatternInvalid", problems, text);
        }
        NumberPattern checked = NumberPattern.of(text);
        if (patterns.size() >= PATTERNS) {
            patterns.clear(); // a crude bound: the patterns of the events being issued now come back at once
        }
        patterns.put(text, checked);
        return checked;
    }

    private static DomainRefusal numberTaken(String number, Certificate other) {
        return new DomainRefusal(DomainRefusal.Kind.CONFLICT, "number-taken", "problem.numberTaken",
                List.of(number, other.number(), String.valueOf(other.id()), other.holderName()), List.of(), other.id());
    }
}
