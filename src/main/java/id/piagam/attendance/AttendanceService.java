package id.piagam.attendance;

import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.validation.FieldProblem;
import id.piagam.programme.EventService;
import id.piagam.programme.EventSession;
import id.piagam.programme.EventSessionRepository;
import id.piagam.rules.DomainRefusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Records a whole session's attendance in one go: every line is valid, or nothing is written. */
@Singleton
public class AttendanceService {

    private final EventService events;
    private final EventSessionRepository sessions;
    private final EnrolmentRepository enrolments;
    private final AttendanceRepository attendance;
    private final Clock clock;

    AttendanceService(EventService events, EventSessionRepository sessions, EnrolmentRepository enrolments,
                      AttendanceRepository attendance, Clock clock) {
        this.events = events;
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.clock = clock;
    }

    /**
     * Records the session's attendance. Nothing is certified before it happened: a session whose date
     * (in Asia/Jakarta) has not come yet takes no attendance.
     */
    @Transactional
    public List<AttendanceViews.Line> record(long eventId, long sessionId, List<AttendanceViews.Entry> entries, String by) {
        EventSession session = session(eventId, sessionId);
        if (session.sessionDate().isAfter(LocalDate.now(clock))) {
            throw DomainRefusal.rule("session-not-held", "problem.sessionNotHeld", List.of(), session.sessionDate());
        }
        Map<Long, Enrolment> enrolled = enrolments.findByEventIdOrderByPrintedName(eventId).stream()
                .collect(Collectors.toMap(Enrolment::participantId, Function.identity()));
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            AttendanceViews.Entry e = entries.get(i);
            String at = "[" + i + "]";
            if (e == null) {
                problems.add(FieldProblem.of(at, "jakarta.validation.constraints.NotNull.message"));
                continue;
            }
            if (e.participantId() == null) {
                problems.add(FieldProblem.of(at + ".participantId", "jakarta.validation.constraints.NotNull.message"));
            } else if (!enrolled.containsKey(e.participantId())) {
                problems.add(FieldProblem.of(at + ".participantId", "attendance.notEnrolled", e.participantId()));
            } else if (!seen.add(e.participantId())) {
                problems.add(FieldProblem.of(at + ".participantId", "attendance.duplicate", e.participantId()));
            }
            if (e.status() == null) {
                problems.add(FieldProblem.of(at + ".status", "jakarta.validation.constraints.NotNull.message"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainRefusal.invalid(problems);
        }
        write(enrolled, Map.of(session.id(), entries), by);
        return sheet(eventId, sessionId);
    }

    /**
     * Records several sessions' columns of the attendance grid at once, all or nothing: the page
     * saves every changed cell of every column in one submit, so nothing typed in one column is lost
     * by saving another. Entries must name enrolled participants (the page builds them from the
     * enrolments); a cell of a session that has not been held refuses the whole save, with that
     * cell named ({@link AttendanceViews#cell}).
     */
    @Transactional
    public int recordGrid(long eventId, Map<Long, List<AttendanceViews.Entry>> bySession, String by) {
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> notHeld = new ArrayList<>();
        for (Map.Entry<Long, List<AttendanceViews.Entry>> column : bySession.entrySet()) {
            EventSession session = session(eventId, column.getKey());
            if (session.sessionDate().isAfter(today)) {
                column.getValue().forEach(e -> notHeld.add(FieldProblem.of(AttendanceViews.cell(session.id(), e.participantId()),
                        "problem.sessionNotHeld", session.sessionDate())));
            }
        }
        if (!notHeld.isEmpty()) {
            throw DomainRefusal.rule("session-not-held", "problem.sessionNotHeld", notHeld, notHeld.get(0).args().get(0));
        }
        Map<Long, Enrolment> enrolled = enrolments.findByEventIdOrderByPrintedName(eventId).stream()
                .collect(Collectors.toMap(Enrolment::participantId, Function.identity()));
        return write(enrolled, bySession, by);
    }

    /** Writes validated entries (participants known to be enrolled) updates in one batch, then inserts. */
    private int write(Map<Long, Enrolment> enrolled, Map<Long, List<AttendanceViews.Entry>> bySession, String by) {
        Map<String, Attendance> existing = new HashMap<>();
        attendance.findByEnrolmentIdIn(enrolled.values().stream().map(Enrolment::id).toList())
                .forEach(a -> existing.put(a.enrolmentId() + ":" + a.sessionId(), a));
        Instant now = clock.instant();
        List<Attendance> updates = new ArrayList<>();
        List<Attendance> inserts = new ArrayList<>();
        bySession.forEach((sessionId, entries) -> {
            for (AttendanceViews.Entry e : entries) {
                Enrolment en = enrolled.get(e.participantId());
                Attendance a = existing.get(en.id() + ":" + sessionId);
                if (a == null) {
                    inserts.add(new Attendance(null, en.id(), sessionId, e.status(), now, by));
                } else {
                    updates.add(new Attendance(a.id(), a.enrolmentId(), a.sessionId(), e.status(), now, by));
                }
            }
        });
        if (!updates.isEmpty()) {
            attendance.updateAll(updates);
        }
        // one by one: a batch insert cannot return the generated keys on SQLite
        inserts.forEach(attendance::save);
        return updates.size() + inserts.size();
    }

    /** Every enrolment of the event with what is recorded for the session (null status: nothing yet). */
    public List<AttendanceViews.Line> sheet(long eventId, long sessionId) {
        EventSession session = session(eventId, sessionId);
        Map<Long, Attendance> byEnrolment = attendance.findBySessionId(session.id()).stream()
                .collect(Collectors.toMap(Attendance::enrolmentId, Function.identity()));
        return enrolments.findByEventIdOrderByPrintedName(eventId).stream().map(en -> {
            Attendance a = byEnrolment.get(en.id());
            return new AttendanceViews.Line(en.participantId(), en.printedName(), a == null ? null : a.status(),
                    a == null ? null : a.recordedAt(), a == null ? null : a.recordedBy());
        }).toList();
    }

    private EventSession session(long eventId, long sessionId) {
        events.get(eventId);
        return sessions.findById(sessionId).filter(s -> s.eventId().equals(eventId))
                .orElseThrow(() -> DomainRefusal.notFound("entity.session", sessionId));
    }
}
