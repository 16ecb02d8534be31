package id.piagam.certificate;

import id.piagam.assessment.Assessment;
import id.piagam.scoring.AssessmentService;
import id.piagam.assessment.GradeScale;
import id.piagam.assessment.GradeScales;
import id.piagam.assessment.Score;
import id.piagam.assessment.ScoreRepository;
import id.piagam.attendance.Attendance;
import id.piagam.attendance.AttendanceRate;
import id.piagam.attendance.AttendanceRepository;
import id.piagam.attendance.AttendanceStatus;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.assessment.AssessmentComponent;
import id.piagam.assessment.AssessmentComponentRepository;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventSession;
import id.piagam.programme.EventSessionRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gathers the facts of enrolments (sessions, attendance, scores, the event's settings) with a
 * fixed number of queries per event and hands them to {@link EligibilityPolicy}.
 */
@Singleton
public class EligibilityService {

    private final EventSessionRepository sessions;
    private final AssessmentComponentRepository components;
    private final EnrolmentRepository enrolments;
    private final AttendanceRepository attendance;
    private final ScoreRepository scores;
    private final GradeScales gradeScales;
    private final Clock clock;

    EligibilityService(EventSessionRepository sessions, AssessmentComponentRepository components, EnrolmentRepository enrolments,
                       AttendanceRepository attendance, ScoreRepository scores, GradeScales gradeScales, Clock clock) {
        this.clock = clock;
        this.sessions = sessions;
        this.components = components;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.scores = scores;
        this.gradeScales = gradeScales;
    }

    public List<EnrolmentOutcome> forEvent(Event event) {
        return outcomes(event, enrolments.findByEventIdOrderByPrintedName(event.id()));
    }

    public EnrolmentOutcome forEnrolment(Event event, Enrolment enrolment) {
        return outcomes(event, List.of(enrolment)).get(0);
    }

    public List<EnrolmentOutcome> outcomes(Event event, List<Enrolment> list) {
        Map<Long, EnrolmentOutcome> byEnrolment = outcomes(Map.of(event.id(), event), list);
        return list.stream().map(en -> byEnrolment.get(en.id())).toList();
    }

    /**
     * The outcomes of enrolments in any number of events, with one query per table (a person's
     * records across all their trainings): sessions, attendance, components and scores.
     */
    public Map<Long, EnrolmentOutcome> outcomes(Map<Long, Event> events, List<Enrolment> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        List<Long> diklatEvents = diklatEvents(events);
        List<Long> diklatEnrolments = list.stream().filter(en -> diklatEvents.contains(en.eventId())).map(Enrolment::id).toList();
        return decide(events, list, sessions.findByEventIdInOrderByPosition(events.keySet()),
                attendance.findByEnrolmentIdIn(list.stream().map(Enrolment::id).toList()),
                diklatEvents.isEmpty() ? List.of() : components.findByEventIdInOrderByPosition(diklatEvents),
                diklatEnrolments.isEmpty() ? List.of() : scores.findByEnrolmentIdIn(diklatEnrolments));
    }

    /** The statements {@link #outcomesOfParticipant} reads with (sessions and components come from the caller), each with the person's id as its only parameter. */
    public static final List<String> PARTICIPANT_READS = List.of(AttendanceRepository.BY_PARTICIPANT, ScoreRepository.BY_PARTICIPANT);

    /**
     * The outcomes of all of one person's enrolments ({@code list}, in {@code events}, whose sessions and assessment
     * components the caller has): attendance and scores each read once by the person's id, so the statements have one
     * shape whatever the number of trainings (a prepared statement is reused; no IN list whose length varies per person).
     */
    public Map<Long, EnrolmentOutcome> outcomesOfParticipant(long participantId, Map<Long, Event> events, List<EventSession> sessionRows,
                                                             List<AssessmentComponent> componentRows, List<Enrolment> list) {
        if (list.isEmpty()) {
            return Map.of();
        }
        boolean diklat = !diklatEvents(events).isEmpty();
        return decide(events, list, sessionRows, attendance.findByParticipant(participantId), componentRows,
                diklat ? scores.findByParticipant(participantId) : List.of());
    }

    private static List<Long> diklatEvents(Map<Long, Event> events) {
        return events.values().stream().filter(e -> e.kind() == EventKind.DIKLAT).map(Event::id).toList();
    }

    private Map<Long, EnrolmentOutcome> decide(Map<Long, Event> events, List<Enrolment> list, List<EventSession> sessionRows,
                                               List<Attendance> attendanceRows, List<AssessmentComponent> componentRows,
                                               List<Score> scoreRows) {
        Map<Long, List<EventSession>> sessionsByEvent = sessionRows.stream().collect(Collectors.groupingBy(EventSession::eventId));
        Map<Long, Map<Long, AttendanceStatus>> presence = new HashMap<>();
        for (Attendance a : attendanceRows) {
            presence.computeIfAbsent(a.enrolmentId(), k -> new HashMap<>()).put(a.sessionId(), a.status());
        }
        Map<Long, List<AssessmentComponent>> compsByEvent = componentRows.stream().collect(Collectors.groupingBy(AssessmentComponent::eventId));
        Map<Long, List<Score>> scoresByEnrolment = scoreRows.stream().collect(Collectors.groupingBy(Score::enrolmentId));
        Map<Long, EnrolmentOutcome> result = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (Enrolment en : list) {
            Event event = events.get(en.eventId());
            List<EventSession> eventSessions = sessionsByEvent.getOrDefault(event.id(), List.of());
            boolean diklat = event.kind() == EventKind.DIKLAT;
            List<AssessmentComponent> comps = compsByEvent.getOrDefault(event.id(), List.of());
            GradeScale scale = diklat && event.gradeScaleId() != null ? gradeScales.find(event.gradeScaleId()).orElse(null) : null;
            Map<Long, AttendanceStatus> own = presence.getOrDefault(en.id(), Map.of());
            AttendanceRate rate = AttendanceRate.of(eventSessions.stream()
                    .map(s -> new AttendanceRate.Entry(s.jp(), own.get(s.id()))).toList());
            Assessment.Outcome outcome = diklat ? Assessment.evaluate(AssessmentService.domain(comps),
                    AssessmentService.scoresByName(comps, scoresByEnrolment.getOrDefault(en.id(), List.of())),
                    event.passMark(), scale) : null;
            EligibilityPolicy.Facts facts = new EligibilityPolicy.Facts(event.kind(), event.attendanceLetter(),
                    event.minAttendancePercent(), event.passMark(), en.role(), en.status(), rate, outcome, en.panitiaFunction(),
                    RoleSessions.taught(eventSessions, en).size(), RoleSessions.moderated(eventSessions, en).size());
            result.put(en.id(), new EnrolmentOutcome(event, eventSessions, en, rate, outcome, facts, EligibilityPolicy.decide(facts, event.endDate(), today)));
        }
        return result;
    }
}
