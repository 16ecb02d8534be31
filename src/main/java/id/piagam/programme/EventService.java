package id.piagam.programme;

import id.piagam.assessment.AssessmentComponent;
import id.piagam.assessment.AssessmentComponentRepository;
import id.piagam.assessment.GradeScale;
import id.piagam.assessment.GradeScales;
import id.piagam.assessment.ScoreRepository;
import id.piagam.numbering.DocumentSeries;
import id.piagam.numbering.NumberSequence;
import id.piagam.rendering.TemplateCatalogue;
import io.micronaut.context.annotation.Value;
import id.piagam.validation.FieldProblem;
import id.piagam.participant.Nip;
import id.piagam.rules.DomainRefusal;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sets up and changes programmes with their sessions and assessment, all in one transaction. */
@Singleton
public class EventService {

    private final EventRepository events;
    private final EventSessionRepository sessions;
    private final AssessmentComponentRepository components;
    private final GradeScales gradeScales;
    private final EventEnrolments enrolments;
    private final SessionAttendance attendance;
    private final ScoreRepository scores;
    private final Clock clock;
    private final EventCertificates certificates;
    private final NumberSequence numbers;
    private final TemplateCatalogue templates;
    private final int maxJpPerDay;

    EventService(EventRepository events, EventSessionRepository sessions, AssessmentComponentRepository components,
                 GradeScales gradeScales, EventEnrolments enrolments, SessionAttendance attendance,
                 ScoreRepository scores, Clock clock, EventCertificates certificates, NumberSequence numbers,
                 TemplateCatalogue templates, @Value("${piagam.events.max-jp-per-day:12}") int maxJpPerDay) {
        this.certificates = certificates;
        this.numbers = numbers;
        this.templates = templates;
        this.maxJpPerDay = maxJpPerDay;
        this.events = events;
        this.sessions = sessions;
        this.components = components;
        this.gradeScales = gradeScales;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.scores = scores;
        this.clock = clock;
    }

    public Event get(long id) {
        return events.findById(id).orElseThrow(() -> DomainRefusal.notFound("entity.event", id));
    }

    @Transactional
    public Event create(EventRequest r) {
        Settings s = validated(r, null);
        Instant now = clock.instant();
        Event event = events.save(toEntity(null, r, s, now, now));
        for (int i = 0; i < r.sessionList().size(); i++) {
            sessions.save(toSession(null, event.id(), i + 1, r.sessionList().get(i)));
        }
        saveComponents(event.id(), r.componentList(), Map.of());
        return event;
    }

    @Transactional
    public Event update(long id, EventRequest r) {
        Event existing = get(id);
        if (existing.kind() != r.kind() && enrolments.countByEventId(id) > 0) {
            throw DomainRefusal.conflict("kind-locked", "problem.kindLocked", null, FieldProblem.of("kind", "event.kindLocked"));
        }
        Settings s = validated(r, existing);
        Event changed = toEntity(id, r, s, existing.createdAt(), clock.instant());
        refuseCertifiedChanges(existing, changed, r);
        Event event = events.update(changed);
        replaceSessions(id, r.sessionList());
        Map<String, AssessmentComponent> current = components.findByEventIdOrderByPosition(id).stream()
                .collect(Collectors.toMap(c -> key(c.name()), c -> c));
        Map<String, EventRequest.ComponentRequest> wanted = new HashMap<>();
        r.componentList().forEach(c -> wanted.put(key(c.name()), c));
        for (AssessmentComponent c : current.values()) {
            if (!wanted.containsKey(key(c.name()))) {
                if (scores.existsByComponentId(c.id())) {
                    throw DomainRefusal.conflict("component-has-scores", "problem.componentHasScores", null,
                            FieldProblem.of("components", "components.hasScores", c.name()));
                }
                components.delete(c);
            }
        }
        saveComponents(id, r.componentList(), current);
        return event;
    }

    /**
     * While valid certificates exist, what they state cannot change (they would disagree with records,
     * transcript, SIASN and verification): the secretariat revokes them first, then changes and issues
     * again.
     */
    private void refuseCertifiedChanges(Event existing, Event changed, EventRequest r) {
        long valid = certificates.countValidByEventId(existing.id());
        if (valid == 0) {
            return;
        }
        List<String> fields = EventRules.certifiedChanges(existing, sessions.findByEventIdOrderByPosition(existing.id()),
                components.findByEventIdOrderByPosition(existing.id()), changed, r.sessionList(), r.componentList());
        if (!fields.isEmpty()) {
            throw DomainRefusal.rule("event-certified", "problem.eventCertified",
                    fields.stream().map(f -> FieldProblem.of(f, "event.certified", valid)).toList(), valid);
        }
    }

    public Page<EventView.Summary> search(String q, EventKind kind, Integer year, Pageable pageable) {
        String pattern = q == null || q.isBlank() ? null
                : "%" + q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Page<Event> page = events.search(kind == null ? null : kind.name(), year, pattern, pageable);
        Map<Long, Integer> jp = new HashMap<>();
        if (!page.getContent().isEmpty()) {
            sessions.findByEventIdInOrderByPosition(page.getContent().stream().map(Event::id).toList())
                    .forEach(s -> jp.merge(s.eventId(), s.jp(), Integer::sum));
        }
        return page.map(e -> new EventView.Summary(e.id(), e.kind(), e.track(), e.code(), e.title(), e.angkatan(), e.year(),
                e.organiser(), e.place(), e.startDate(), e.endDate(), jp.getOrDefault(e.id(), 0)));
    }

    public EventView view(Event e) {
        List<EventSession> list = sessions.findByEventIdOrderByPosition(e.id());
        boolean diklat = e.kind() == EventKind.DIKLAT;
        List<EventView.ComponentView> comps = diklat ? components.findByEventIdOrderByPosition(e.id()).stream()
                .map(c -> new EventView.ComponentView(c.id(), c.name(), c.weight())).toList() : null;
        return new EventView(e.id(), e.kind(), e.track(), e.track().label(), e.code(), e.title(), e.angkatan(), e.year(),
                e.organiser(), e.partner(), e.place(), e.mode(), e.startDate(), e.endDate(), e.minutesPerJp(),
                e.minAttendancePercent(), list.stream().map(EventView.SessionView::of).toList(),
                list.stream().mapToInt(EventSession::jp).sum(), diklat ? e.passMark() : null, comps,
                diklat && e.gradeScaleId() != null ? gradeScales.row(e.gradeScaleId()).map(gradeScales::view).orElse(null) : null,
                diklat ? e.attendanceLetter() : null, settings(e), e.createdAt(), e.updatedAt());
    }

    public static EventRequest.CertificateSettings settings(Event e) {
        return new EventRequest.CertificateSettings(e.numberPattern(), e.certificateTemplate(), e.issuePlace(), e.certificateDate(),
                e.validityMonths(), new EventRequest.Signatory(e.signatoryPrefix(), e.signatoryPosition(), e.signatoryName(),
                e.signatoryPangkat(), e.signatoryNip(), e.signatoryOffice(), e.signatoryGolongan()),
                e.certificateTitle(), e.attendanceTitle(), e.narasumberNumberPattern() == null && e.moderatorNumberPattern() == null
                && e.panitiaNumberPattern() == null ? null : new EventRequest.RoleNumberPatterns(e.narasumberNumberPattern(),
                e.moderatorNumberPattern(), e.panitiaNumberPattern()), e.narasumberTitle() == null && e.moderatorTitle() == null
                && e.panitiaTitle() == null ? null : new EventRequest.RoleTitles(e.narasumberTitle(), e.moderatorTitle(), e.panitiaTitle()));
    }

    /** The effective Diklat settings: the grade-scale version and the pass mark. */
    private record Settings(Long gradeScaleId, BigDecimal passMark) {
    }

    private Settings validated(EventRequest r, Event existing) {
        List<FieldProblem> diklatOnly = EventRules.diklatOnlySettings(r);
        if (!diklatOnly.isEmpty()) {
            throw DomainRefusal.rule("assessment-requires-diklat", "problem.assessmentRequiresDiklat", diklatOnly);
        }
        Long scaleId = null;
        GradeScale scale = null;
        BigDecimal passMark = null;
        if (r.kind() == EventKind.DIKLAT) {
            if (r.gradeScaleId() != null) {
                scaleId = r.gradeScaleId();
            } else if (existing != null && existing.gradeScaleId() != null) {
                scaleId = existing.gradeScaleId();
            } else {
                scaleId = gradeScales.defaultScale().id();
            }
            Optional<GradeScale> found = gradeScales.find(scaleId);
            if (found.isEmpty()) {
                throw DomainRefusal.invalid(FieldProblem.of("gradeScaleId", "gradeScale.unknown", scaleId));
            }
            scale = found.get();
            passMark = r.passMark() != null ? r.passMark() : scale.passBoundary().orElse(null);
        }
        List<FieldProblem> problems = new ArrayList<>(EventRules.check(r, scale, passMark, maxJpPerDay));
        problems.addAll(templateProblems(r));
        if (r.certificate() != null) {
            // within the event, each kind of document runs in a series of its own
            EventRequest.RoleNumberPatterns roles = r.certificate().roleNumberPatterns();
            Map<DocumentSeries, String> own = new EnumMap<>(DocumentSeries.class);
            own.put(DocumentSeries.PESERTA, r.certificate().numberPattern());
            if (roles != null) {
                own.put(DocumentSeries.NARASUMBER, roles.narasumber());
                own.put(DocumentSeries.MODERATOR, roles.moderator());
                own.put(DocumentSeries.PANITIA, roles.panitia());
            }
            problems.addAll(DocumentSeries.clashes(own, numbers.defaults(), Optional.ofNullable(blank(r.code()))));
        }
        if (problems.isEmpty()) {
            String pattern = r.certificate() == null ? null : blank(r.certificate().numberPattern());
            if (existing == null || !Objects.equals(pattern, existing.numberPattern())
                    || !Objects.equals(blank(r.code()), existing.code())) {
                numbers.collision(pattern, blank(r.code()), existing == null ? null : existing.id()).ifPresent(c -> problems.add(
                        FieldProblem.of("certificate.numberPattern", "numberPattern.collides",
                                c.pattern(), c.eventId() == null ? "-" : c.eventTitle() + " (#" + c.eventId() + ")")));
            }
            // each role's own series: checked like the participants' pattern whenever it is set
            EventRules.rolePatterns(r.certificate() == null ? null : r.certificate().roleNumberPatterns()).forEach((field, text) -> {
                if (blank(text) != null) {
                    numbers.roleCollision(field.substring(field.lastIndexOf('.') + 1), blank(text), blank(r.code()),
                            existing == null ? null : existing.id()).ifPresent(c -> problems.add(FieldProblem.of(field, "numberPattern.collides",
                            c.pattern(), c.eventId() == null ? "-" : c.eventTitle() + " (#" + c.eventId() + ")")));
                }
            });
        }
        if (existing != null) {
            Map<Long, EventSession> own = sessions.findByEventIdOrderByPosition(existing.id()).stream()
                    .collect(Collectors.toMap(EventSession::id, s -> s));
            for (int i = 0; i < r.sessionList().size(); i++) {
                Long sid = r.sessionList().get(i).id();
                if (sid != null && !own.containsKey(sid)) {
                    problems.add(FieldProblem.of("sessions[" + i + "].id", "session.unknown", sid));
                }
            }
        } else {
            for (int i = 0; i < r.sessionList().size(); i++) {
                if (r.sessionList().get(i).id() != null) {
                    problems.add(FieldProblem.of("sessions[" + i + "].id", "session.unknown", r.sessionList().get(i).id()));
                }
            }
        }
        problems.addAll(EventRules.sessionPeople(r.sessionList(), existing == null ? Map.of() : enrolments.rolesByEnrolment(existing.id())));
        if (!problems.isEmpty()) {
            throw DomainRefusal.invalid(problems);
        }
        return new Settings(scaleId, passMark == null ? null : passMark.setScale(2));
    }

    /** A template named must exist in the catalogue, load, and print the event's certificate kind. */
    private List<FieldProblem> templateProblems(EventRequest r) {
        String name = r.certificate() == null ? null : blank(r.certificate().template());
        if (name == null) {
            return List.of();
        }
        Optional<TemplateCatalogue.Entry> entry = templates.find(name);
        if (entry.isEmpty()) {
            return List.of(FieldProblem.of("certificate.template", "template.unknown", name));
        }
        if (entry.get().model().isEmpty()) {
            return List.of(FieldProblem.of("certificate.template", "template.broken", name));
        }
        String kind = r.kind() == EventKind.DIKLAT ? "COMPETENCY" : "ATTENDANCE";
        if (!entry.get().model().get().kinds().contains(kind)) {
            return List.of(FieldProblem.of("certificate.template", "template.wrongKind", name));
        }
        return List.of();
    }

    private void replaceSessions(long eventId, List<EventRequest.SessionRequest> wanted) {
        List<EventSession> current = sessions.findByEventIdOrderByPosition(eventId);
        List<Long> keep = wanted.stream().map(EventRequest.SessionRequest::id).filter(Objects::nonNull).toList();
        for (EventSession s : current) {
            if (!keep.contains(s.id())) {
                if (attendance.existsBySessionId(s.id())) {
                    throw DomainRefusal.conflict("session-has-attendance", "problem.sessionHasAttendance", null,
                            FieldProblem.of("sessions", "session.hasAttendance", s.topic()));
                }
                sessions.delete(s);
            }
        }
        for (int i = 0; i < wanted.size(); i++) {
            EventRequest.SessionRequest w = wanted.get(i);
            EventSession s = toSession(w.id(), eventId, i + 1, w);
            if (w.id() == null) {
                sessions.save(s);
            } else {
                sessions.update(s);
            }
        }
    }

    private void saveComponents(long eventId, List<EventRequest.ComponentRequest> wanted, Map<String, AssessmentComponent> current) {
        for (int i = 0; i < wanted.size(); i++) {
            EventRequest.ComponentRequest w = wanted.get(i);
            AssessmentComponent old = current.get(key(w.name()));
            AssessmentComponent c = new AssessmentComponent(old == null ? null : old.id(), eventId, i + 1, w.name().trim(),
                    w.weight().setScale(2));
            if (old == null) {
                components.save(c);
            } else {
                components.update(c);
            }
        }
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Event toEntity(Long id, EventRequest r, Settings s, Instant created, Instant updated) {
        EventRequest.CertificateSettings c = r.certificate() == null
                ? new EventRequest.CertificateSettings(null, null, null, null, null, null) : r.certificate();
        EventRequest.Signatory sig = c.signatory() == null ? new EventRequest.Signatory(null, null, null, null, null) : c.signatory();
        EventRequest.RoleNumberPatterns roles = c.roleNumberPatterns();
        EventRequest.RoleTitles titles = c.roleTitles();
        return new Event(id, r.kind(), r.track() == null ? Track.BIMTEK : r.track(), blank(r.code()), r.title().trim(),
                blank(r.angkatan()), r.year() == null ? r.startDate().getYear() : r.year(), r.organiser().trim(),
                blank(r.partner()), r.place().trim(), r.mode() == null ? Mode.LURING : r.mode(), r.startDate(), r.endDate(),
                r.minutesPerJp() == null ? EventRules.DEFAULT_MINUTES_PER_JP : r.minutesPerJp(),
                r.minAttendancePercent().setScale(2), s.passMark(), s.gradeScaleId(),
                Boolean.TRUE.equals(r.attendanceLetter()), created, updated, blank(c.numberPattern()), blank(c.template()),
                blank(c.issuePlace()), c.issueDate(), c.validityMonths(), SignatoryBlock.normalisePrefix(sig.prefix()),
                blank(sig.position()), blank(sig.name()), blank(sig.pangkat()), blank(Nip.normalise(sig.nip())), blank(sig.office()),
                SignatoryBlock.golongan(sig.golongan()).orElse(null), blank(c.title()), blank(c.attendanceTitle()),
                roles == null ? null : blank(roles.narasumber()), roles == null ? null : blank(roles.moderator()),
                roles == null ? null : blank(roles.panitia()), titles == null ? null : blank(titles.narasumber()),
                titles == null ? null : blank(titles.moderator()), titles == null ? null : blank(titles.panitia()));
    }

    private static EventSession toSession(Long id, long eventId, int position, EventRequest.SessionRequest s) {
        return new EventSession(id, eventId, position, s.date(), time(s.startTime()), time(s.endTime()), s.topic().trim(), s.jp().intValueExact(),
                blank(s.facilitator()), s.facilitatorRole(), s.facilitatorEnrolmentId(), s.moderatorEnrolmentId());
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
