package id.piagam.records;

import id.piagam.assessment.Assessment;
import io.micronaut.core.annotation.Nullable;
import id.piagam.assessment.GradeBand;
import id.piagam.certificate.CertificateSummary;
import id.piagam.certificate.CertificateKind;
import id.piagam.certificate.CertificateRepository;
import id.piagam.certificate.VerifyLinks;
import id.piagam.certificate.CertificateStatus;
import id.piagam.certificate.EligibilityService;
import id.piagam.certificate.EnrolmentOutcome;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentStatus;
import id.piagam.participant.Participant;
import id.piagam.participant.YearlyJpRule;
import id.piagam.persistence.ReadSnapshot;
import id.piagam.persistence.Row;
import id.piagam.persistence.SqliteSupport;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventRepository;
import id.piagam.programme.Track;
import id.piagam.web.Messages;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import id.piagam.certificate.EligibilityPolicy;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * A person's training history across every event, with the JP credited per calendar year.
 *
 * <p>JP is credited for an event the participant completed as peserta (eligible for its
 * certificate; for a Diklat, the STTP), in the year the event ended. Each year is measured against
 * the person's {@link YearlyJpRule}: a PNS's minimum of 20 JP, a PPPK's ceiling of 24 JP, or none.
 */
@Singleton
public class ParticipantRecords {

    private final EnrolmentRepository enrolments;
    private final EventRows eventRows;
    private final EligibilityService eligibility;
    private final CertificateRepository certificates;
    private final VerifyLinks links;
    private final Messages messages;

    private final Semaphore gate;
    private final JdbcOperations jdbc;
    /** On a database server, the statements of a person's records, sent in one round trip; null on SQLite. */
    private final List<String> together;

    ParticipantRecords(EnrolmentRepository enrolments, EventRows eventRows, EligibilityService eligibility,
                       CertificateRepository certificates, VerifyLinks links, Messages messages,
                       JdbcOperations jdbc, @Value("${piagam.records.max-concurrent:0}") int maxConcurrent,
                       @Value("${datasources.default.url}") String databaseUrl) {
        boolean sqlite = SqliteSupport.isSqlite(databaseUrl);
        this.gate = new Semaphore(gateSize(maxConcurrent, Runtime.getRuntime().availableProcessors(), sqlite), true);
        this.jdbc = jdbc;
        // SQLite answers in-process (and its driver takes one statement at a time): nothing to gain there; the events'
        // rows are read only when EventRows does not know them at their version (then in round trips of their own)
        this.together = sqlite ? null : Stream.concat(Stream.of(CertificateRepository.SUMMARIES_BY_PARTICIPANT,
                EnrolmentRepository.BY_PARTICIPANT, EventRepository.VERSIONS_BY_PARTICIPANT), EligibilityService.PARTICIPANT_READS.stream()).toList();
        this.enrolments = enrolments;
        this.eventRows = eventRows;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.links = links;
        this.messages = messages;
    }

    /**
     * How many records are computed at once: {@code configured} when set, else two per core on SQLite (the database's
     * work runs inside the gated thread, so with one per core the cores idle while a records read waits on the file and
     * the records got too small a share beside verification and a bulk issue: p99 102–116 ms against 88–98 ms with two
     * per core, docs/load.md) and one per core on a database server (its work runs outside the gate, on the same cores:
     * two per core took verification below its 2,000 requests a second there).
     */
    static int gateSize(int configured, int cores, boolean sqlite) {
        if (configured > 0) {
            return configured;
        }
        return sqlite ? 2 * cores : cores;
    }

    @Serdeable
    public record EventRecord(Long eventId, EventKind kind, Track track, String title, String organiser,
                              LocalDate startDate, LocalDate endDate, int year, EnrolmentRole role, EnrolmentStatus status,
                              int totalJp, BigDecimal attendanceRate, BigDecimal finalScore, Assessment.Result result,
                              String kualifikasi, boolean completed, CertificateKind certificateKind, int creditedJp,
                              List<String> reasons, List<CertificateLine> certificates) {
    }

    /** A certificate issued for the event, with where to check it. */
    @Serdeable
    public record CertificateLine(Long id, CertificateKind kind, String number, CertificateStatus status, LocalDate issuedOn,
                                  String verifyUrl) {
    }

    /**
     * JP credited in one year and how it stands against the person's rule: {@code targetJp} and
     * {@code targetMet} for a minimum (PNS), {@code ceilingJp} for a ceiling (PPPK), neither without
     * a target; {@code gap} is the JP short of the minimum or over the ceiling.
     */
    @Serdeable
    public record YearTotal(int year, int jp, @Nullable Integer targetJp, @Nullable Boolean targetMet, @Nullable Integer ceilingJp,
                            YearlyJpRule.Status status, int gap) {

        static YearTotal of(int year, int jp, YearlyJpRule rule) {
            boolean minimum = rule.kind() == YearlyJpRule.Kind.MINIMUM;
            return new YearTotal(year, jp, minimum ? rule.jp() : null, minimum ? jp >= rule.jp() : null,
                    rule.kind() == YearlyJpRule.Kind.CEILING ? rule.jp() : null, rule.status(jp), rule.gap(jp));
        }
    }

    @Serdeable
    public record Records(Long participantId, String printedName, YearlyJpRule jpRule, List<EventRecord> events,
                          List<YearTotal> totalsPerYear) {
    }

    /**
     * Five queries whatever the number of trainings (each table read once for all of them, by the person's id, so each
     * statement has one text; certificates without their snapshot), and the person's events, sessions and components
     * only when {@link EventRows} does not hold them at their current version; on SQLite in one read transaction that
     * takes no write lock ({@link ReadSnapshot}: they see one state of the database), on PostgreSQL sent together, in
     * one round trip ({@link Row#together}). At most {@code piagam.records.max-concurrent} are
     * computed at once ({@link #gateSize}), the others wait their turn in order: a crowd asking for records cannot
     * crowd out the light public verification.
     */
    public Records of(Participant p) {
        return of(p, Messages.INDONESIAN);
    }

    /** The records with the reasons why not written in the reader's language. */
    public Records of(Participant p, Locale reader) {
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read records", e);
        }
        try {
            return together == null ? ReadSnapshot.of(jdbc, () -> read(p, reader)) : Row.together(jdbc, p.id(), together, () -> read(p, reader));
        } finally {
            gate.release();
        }
    }

    private Records read(Participant p, Locale reader) {
        List<EventRecord> list = new ArrayList<>();
        Map<Long, List<CertificateLine>> issued = new HashMap<>();
        for (CertificateSummary c : certificates.summariesOf(p.id())) {
            issued.computeIfAbsent(c.enrolmentId(), k -> new ArrayList<>()).add(new CertificateLine(c.id(), c.kind(), c.number(),
                    c.status(), c.issuedOn(), links.verifyUrl(c.verificationCode())));
        }
        List<Enrolment> mine = enrolments.findByParticipantId(p.id());
        EventRows.OfPerson programmes = mine.isEmpty() ? new EventRows.OfPerson(Map.of(), List.of(), List.of())
                : eventRows.ofParticipant(p.id());
        Map<Long, Event> byId = programmes.events();
        Map<Long, EnrolmentOutcome> outcomes = eligibility.outcomesOfParticipant(p.id(), byId, programmes.sessions(),
                programmes.components(), mine);
        for (Enrolment en : mine) {
            Event event = byId.get(en.eventId());
            EnrolmentOutcome o = outcomes.get(en.id());
            boolean completed = EligibilityPolicy.completed(event.kind(), o.decision());
            Assessment.Outcome a = o.assessment();
            list.add(new EventRecord(event.id(), event.kind(), event.track(), event.title(), event.organiser(),
                    event.startDate(), event.endDate(), event.endDate().getYear(), en.role(), en.status(), o.roleJp(),
                    o.attendance().percent(), a == null ? null : a.finalScore().orElse(null), a == null ? null : a.result(),
                    a == null ? null : a.band().map(GradeBand::label).orElse(null), completed,
                    o.decision().kind().orElse(null), completed ? o.totalJp() : 0, o.decision().reasons().stream().map(r -> messages.text(reader, r)).toList(),
                    issued.getOrDefault(en.id(), List.of())));
        }
        list.sort(Comparator.comparing(EventRecord::startDate).reversed());
        Map<Integer, Integer> perYear = new TreeMap<>(Comparator.reverseOrder());
        list.forEach(r -> perYear.merge(r.year(), r.creditedJp(), Integer::sum));
        YearlyJpRule rule = YearlyJpRule.of(p.category());
        List<YearTotal> totals = perYear.entrySet().stream().map(e -> YearTotal.of(e.getKey(), e.getValue(), rule)).toList();
        return new Records(p.id(), p.printedName(), rule, list, totals);
    }
}
