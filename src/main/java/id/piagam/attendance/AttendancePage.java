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
import id.piagam.web.Messages;
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
import org.unbescape.html.HtmlEscape;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The attendance grid: participants down, sessions across, in one form. A save records every
 * changed cell of every session column in one transaction, so nothing typed in one column is lost
 * by saving another; a refused save changes nothing and names the participant and session of each
 * refused cell. Each cell is a select whose options start with a distinct letter (H, T, I, S, A), so
 * typing the letter fills it; without JavaScript the selects and the save button are the whole page.
 */
@Controller("/kegiatan/{eventId}/kehadiran")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttendancePage {

    /**
     * A participant's row: the status per session id as shown (after a refused save, as it was sent)
     * and as stored, and the attendance rate so far.
     */
    record Row(long participantId, String name, Map<Long, String> status, Map<Long, String> saved, String percent) {
    }

    /** The cells named in a submitted form: {@code s<session>.p<participant>}. */
    private static final Pattern CELL = Pattern.compile("s\\d+\\.p\\d+");

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
    HttpResponse<?> grid(long eventId, @Nullable @QueryValue Integer tersimpan, HttpRequest<?> request, Authentication auth) {
        return HttpResponse.ok(view(eventId, tersimpan, Map.of(), Map.of(), request, auth));
    }

    /**
     * Saves every changed cell of the grid. A cell left empty (or not sent: the page's script sends
     * only the cells it changed) keeps what is stored; "fill empty: present" ({@code semuaHadir}, the
     * session's id) sets that column's empty cells to HADIR. An unknown status or cell, or a session
     * that has not been held yet, saves nothing and is shown at its cell with its row and session.
     */
    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(long eventId, @Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        events.get(eventId);
        List<EventSession> list = sessions.findByEventIdOrderByPosition(eventId);
        List<Enrolment> people = enrolments.findByEventIdOrderByPrintedName(eventId);
        Map<String, AttendanceStatus> stored = stored(people);
        String session = pages.text(request, "attendance.session");
        String fill = form.getOrDefault("semuaHadir", "").trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (!fill.isEmpty() && list.stream().noneMatch(s -> String.valueOf(s.id()).equals(fill))) {
            problems.add(FieldProblem.of("semuaHadir", "attendance.unknownCell"));
        }
        Map<String, String> label = new HashMap<>();
        Map<Long, List<AttendanceViews.Entry>> changes = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            EventSession s = list.get(i);
            for (Enrolment en : people) {
                String cell = AttendanceViews.cell(s.id(), en.participantId());
                label.put(cell, en.printedName() + ", " + session + " " + (i + 1));
                String raw = form.getOrDefault(cell, "").trim();
                AttendanceStatus was = stored.get(cell);
                AttendanceStatus now = was;
                if (!raw.isEmpty()) {
                    try {
                        now = AttendanceStatus.valueOf(raw.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        problems.add(FieldProblem.of(cell, "value.choice", "HADIR, TERLAMBAT, IZIN, SAKIT, ALPA"));
                        continue;
                    }
                }
                if (now == null && fill.equals(String.valueOf(s.id()))) {
                    now = AttendanceStatus.HADIR;
                }
                if (now != null && now != was) {
                    changes.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new AttendanceViews.Entry(en.participantId(), now));
                }
            }
        }
        form.keySet().stream().filter(k -> CELL.matcher(k).matches() && !label.containsKey(k))
                .forEach(k -> problems.add(FieldProblem.of(k, "attendance.unknownCell")));
        if (!problems.isEmpty()) {
            return HttpResponse.badRequest(view(eventId, null, named(request, problems, label), form, request, auth));
        }
        int saved;
        try {
            saved = service.recordGrid(eventId, changes, auth.getName());
        } catch (DomainRefusal e) {
            if (!"session-not-held".equals(e.type())) {
                throw e;
            }
            return HttpResponse.unprocessableEntity().body(view(eventId, null, named(request, e.fields(), label), form, request, auth));
        }
        return HttpResponse.seeOther(URI.create("/kegiatan/" + eventId + "/kehadiran?tersimpan=" + saved
                + (fill.isEmpty() ? "" : "#sesi-" + fill)));
    }

    /** Each message at its cell and in the list at the top, led by the participant and the session it is about. */
    private Map<String, String> named(HttpRequest<?> request, List<FieldProblem> problems, Map<String, String> label) {
        Map<String, String> errors = new LinkedHashMap<>();
        pages.fieldErrors(request, problems).forEach((cell, message) ->
                errors.put(cell, label.containsKey(cell) ? label.get(cell) + ": " + message : message));
        return errors;
    }

    /** What is recorded, by cell name. */
    private Map<String, AttendanceStatus> stored(List<Enrolment> people) {
        Map<Long, Long> participantOf = people.stream().collect(Collectors.toMap(Enrolment::id, Enrolment::participantId));
        Map<String, AttendanceStatus> stored = new HashMap<>();
        attendance.findByEnrolmentIdIn(participantOf.keySet())
                .forEach(a -> stored.put(AttendanceViews.cell(a.sessionId(), participantOf.get(a.enrolmentId())), a.status()));
        return stored;
    }

    private ModelAndView<Map<String, Object>> view(long eventId, Integer saved, Map<String, String> errors, Map<String, String> submitted,
                                                   HttpRequest<?> request, Authentication auth) {
        Event event = events.get(eventId);
        List<EventSession> list = sessions.findByEventIdOrderByPosition(eventId);
        List<Enrolment> people = enrolments.findByEventIdOrderByPrintedName(eventId).stream()
                .sorted(Bahasa.byName(Enrolment::printedName)).toList();
        Map<String, AttendanceStatus> stored = stored(people);
        Locale reader = pages.locale(request);
        List<Row> rows = people.stream().map(en -> {
            Map<Long, String> status = new HashMap<>();
            Map<Long, String> savedStatus = new HashMap<>();
            List<AttendanceRate.Entry> rate = new ArrayList<>();
            for (EventSession s : list) {
                String cell = AttendanceViews.cell(s.id(), en.participantId());
                AttendanceStatus recorded = stored.get(cell);
                rate.add(new AttendanceRate.Entry(s.jp(), recorded));
                savedStatus.put(s.id(), recorded == null ? "" : recorded.name());
                // after a refused save, the cells show what was sent (a cell not sent shows what is stored)
                String shown = submitted.getOrDefault(cell, "").trim();
                status.put(s.id(), shown.isEmpty() ? (recorded == null ? "" : recorded.name()) : shown.toUpperCase(Locale.ROOT));
            }
            return new Row(en.participantId(), en.printedName(), status, savedStatus,
                    Messages.decimal2(reader, AttendanceRate.of(rate).percent()) + "%");
        }).toList();
        Map<String, Object> model = pages.model(request, auth);
        model.put("event", event);
        model.put("sessions", list);
        model.put("rows", rows);
        model.put("options", options(request));
        model.put("saved", saved);
        model.put("errors", errors);
        model.put("refused", !submitted.isEmpty());
        model.put("sessionDates", list.stream().collect(Collectors.toMap(EventSession::id, s -> Bahasa.longDate(s.sessionDate(), pages.locale(request)))));
        return new ModelAndView<>("kehadiran", model);
    }

    /**
     * A cell's options, by the status chosen in it ("" for none, or an unknown one sent back after a
     * refusal): built once per page rather than by the template once per cell, because a grid of 300
     * participants by 40 sessions has 12,000 cells and rendering their 72,000 options one by one made
     * the page take seconds. The labels come from the bundles, escaped.
     */
    private Map<String, String> options(HttpRequest<?> request) {
        Map<String, String> options = new HashMap<>();
        List<String> chosen = new ArrayList<>(List.of(""));
        for (AttendanceStatus st : AttendanceStatus.values()) {
            chosen.add(st.name());
        }
        for (String c : chosen) {
            StringBuilder html = new StringBuilder("<option value=\"\">–</option>");
            for (AttendanceStatus st : AttendanceStatus.values()) {
                html.append("<option value=\"").append(st.name()).append('"').append(st.name().equals(c) ? " selected" : "").append('>')
                        .append(HtmlEscape.escapeHtml5(pages.text(request, "status." + st.name()))).append("</option>");
            }
            options.put(c, html.toString());
        }
        return options;
    }
}
