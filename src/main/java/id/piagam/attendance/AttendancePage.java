package id.piagam.attendance;

import id.piagam.security.Roles;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.programme.EventSession;
import id.piagam.programme.EventSessionRepository;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import id.piagam.web.Pages;
import id.piagam.rules.DomainRefusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The attendance grid: participants down, sessions across. Each session column is its own form
 * (inputs join it with the {@code form} attribute), so a column is saved on its own; each cell is a
 * select whose options start with a distinct letter (H, T, I, S, A), so typing the letter fills it.
 */
@Controller("/kegiatan/{eventId}/kehadiran")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttendancePage {

    /** A participant's row: the status per session id, and the attendance rate so far. */
    record Row(long participantId, String name, Map<Long, String> status, String percent) {
    }

    private final EventService events;
    private final EventSessionRepository sessions;
    private final EnrolmentRepository enrolments;
    private final AttendanceRepository attendance;
    private final AttendanceService service;
    private final Pages pages;

    AttendancePage(EventService events, EventSessionRepository sessions, EnrolmentRepository enrolments, AttendanceRepository attendance,
                   AttendanceService service, Pages pages) {
        this.events = events;
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.service = service;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> grid(long eventId, @Nullable @QueryValue Long tersimpan, HttpRequest<?> request, Authentication auth) {
        return HttpResponse.ok(view(eventId, tersimpan, null, request, auth));
    }

    /**
     * Saves one session's column. Cells left empty stay as they were; "all present" fills the empty
     * ones with HADIR. An unknown status or participant changes nothing and is shown at its cell.
     */
    @Post(value = "/{sessionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(long eventId, long sessionId, @Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        boolean allPresent = form.containsKey("semuaHadir");
        List<AttendanceViews.Entry> entries = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        for (Enrolment en : enrolments.findByEventIdOrderByPrintedName(eventId)) {
            String cell = "p" + en.participantId();
            String raw = form.getOrDefault(cell, "").trim();
            if (raw.isEmpty()) {
                if (allPresent) {
                    entries.add(new AttendanceViews.Entry(en.participantId(), AttendanceStatus.HADIR));
                }
                continue;
            }
            try {
                entries.add(new AttendanceViews.Entry(en.participantId(), AttendanceStatus.valueOf(raw.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                errors.putAll(pages.fieldErrors(request, List.of(FieldProblem.of(sessionId + ":" + cell, "value.choice",
                        "HADIR, TERLAMBAT, IZIN, SAKIT, ALPA"))));
            }
        }
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(view(eventId, null, errors, request, auth));
        }
        try {
            service.record(eventId, sessionId, entries, auth.getName());
        } catch (DomainRefusal e) {
            if (!"session-not-held".equals(e.type())) {
                throw e;
            }
            return HttpResponse.unprocessableEntity().body(view(eventId, null, pages.fieldErrors(request,
                    List.of(FieldProblem.of("sesi-" + sessionId, e.detailCode(), e.detailArgs().toArray()))), request, auth));
        }
        return HttpResponse.seeOther(URI.create("/kegiatan/" + eventId + "/kehadiran?tersimpan=" + sessionId + "#sesi-" + sessionId));
    }

    private ModelAndView<Map<String, Object>> view(long eventId, Long saved, Map<String, String> errors, HttpRequest<?> request,
                                                   Authentication auth) {
        Event event = events.get(eventId);
        List<EventSession> list = sessions.findByEventIdOrderByPosition(eventId);
        List<Enrolment> people = enrolments.findByEventIdOrderByPrintedName(eventId).stream()
                .sorted(Bahasa.byName(Enrolment::printedName)).toList();
        Map<Long, Integer> jp = list.stream().collect(Collectors.toMap(EventSession::id, EventSession::jp));
        Map<Long, Map<Long, AttendanceStatus>> byEnrolment = new HashMap<>();
        attendance.findByEnrolmentIdIn(people.stream().map(Enrolment::id).toList())
                .forEach(a -> byEnrolment.computeIfAbsent(a.enrolmentId(), k -> new HashMap<>()).put(a.sessionId(), a.status()));
        List<Row> rows = people.stream().map(en -> {
            Map<Long, AttendanceStatus> own = byEnrolment.getOrDefault(en.id(), Map.of());
            Map<Long, String> status = new HashMap<>();
            own.forEach((session, s) -> status.put(session, s.name()));
            AttendanceRate rate = AttendanceRate.of(list.stream().map(s -> new AttendanceRate.Entry(jp.get(s.id()), own.get(s.id()))).toList());
            return new Row(en.participantId(), en.printedName(), status, Bahasa.decimal2(rate.percent()) + "%");
        }).toList();
        Map<String, Object> model = pages.model(request, auth);
        model.put("event", event);
        model.put("sessions", list);
        model.put("rows", rows);
        model.put("statuses", AttendanceStatus.values());
        model.put("saved", saved);
        model.put("errors", errors == null ? Map.of() : errors);
        model.put("sessionDates", list.stream().collect(Collectors.toMap(EventSession::id, s -> Bahasa.longDate(s.sessionDate(), pages.locale(request)))));
        return new ModelAndView<>("kehadiran", model);
    }
}
