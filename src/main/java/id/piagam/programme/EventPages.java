package id.piagam.programme;

import id.piagam.security.Roles;
import id.piagam.assessment.GradeScales;
import id.piagam.numbering.NumberSequence;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import id.piagam.validation.Violations;
import id.piagam.web.Pages;
import id.piagam.rules.DomainRefusal;
import id.piagam.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import jakarta.validation.Validator;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The secretariat's event pages: the list with search, and one form to create or edit a Bimtek or a
 * Diklat with its sessions, eligibility settings, grade scale, components, numbering pattern,
 * template and signatory. The same service and rules as the API; problems shown at their field.
 */
@Controller("/kegiatan")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventPages {

    /** Blank rows offered below the filled ones, and how many more the "add rows" button adds. */
    private static final int BLANK_SESSIONS = 3;
    private static final int BLANK_COMPONENTS = 2;
    private static final int MORE_ROWS = 5;
    private static final Pattern SESSION_ROW = Pattern.compile("sessions\\[(\\d+)]");

    private final EventService events;
    private final GradeScales gradeScales;
    private final TemplateCatalogue templates;
    private final Validator validator;
    private final Pages pages;
    private final EventDefaults defaults;
    private final EventEnrolments enrolments;
    private final NumberSequence numbers;

    EventPages(EventService events, GradeScales gradeScales, TemplateCatalogue templates, Validator validator, Pages pages,
               EventDefaults defaults, EventEnrolments enrolments, NumberSequence numbers) {
        this.events = events;
        this.numbers = numbers;
        this.enrolments = enrolments;
        this.defaults = defaults;
        this.gradeScales = gradeScales;
        this.templates = templates;
        this.validator = validator;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String q, @QueryValue(defaultValue = "0") int page, HttpRequest<?> request,
                         Authentication auth) {
        Page<EventView.Summary> found = events.search(q, null, null, Pageable.from(Math.max(0, page), 25));
        Map<String, Object> model = pages.model(request, auth);
        model.put("q", q == null ? "" : q);
        model.put("found", found);
        model.put("dates", found.getContent().stream()
                .collect(Collectors.toMap(EventView.Summary::id, e -> Bahasa.dateRange(e.startDate(), e.endDate(), pages.locale(request)))));
        return HttpResponse.ok(new ModelAndView<>("kegiatan-daftar", model));
    }

    /**
     * A new event's form: organiser, place and signatory start as the most recent event of the
     * organiser chosen ({@code penyelenggara}) has them, else as the most recent event has them.
     */
    @Get("/baru")
    HttpResponse<?> blank(@Nullable @QueryValue String jenis, @Nullable @QueryValue String penyelenggara, HttpRequest<?> request,
                          Authentication auth) {
        EventDefaults.Defaults defaults = this.defaults.forNewEvent(penyelenggara);
        Map<String, String> v = new HashMap<>(defaults.values());
        v.put("kind", "DIKLAT".equalsIgnoreCase(jenis) ? "DIKLAT" : "BIMTEK");
        v.put("minutesPerJp", String.valueOf(EventRules.DEFAULT_MINUTES_PER_JP));
        v.put("minAttendancePercent", "80");
        v.put("mode", Mode.LURING.name());
        Map<String, Object> extra = new HashMap<>();
        extra.put("defaultsFrom", defaults.fromAgency() ? null : defaults.from());
        extra.put("defaultsFromAgency", defaults.fromAgency() ? defaults.from() : null);
        extra.put("organisers", this.defaults.organisers());
        return form(request, auth, HttpStatus.OK, null, v, 0, 0, 0, Map.of(), extra);
    }

    @Post(value = "/baru", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        return save(request, auth, null, form);
    }

    @Get("/{id}/ubah")
    HttpResponse<?> edit(long id, HttpRequest<?> request, Authentication auth) {
        EventView view = events.view(events.get(id));
        return form(request, auth, HttpStatus.OK, id, EventForm.values(view), view.sessions().size(),
                view.components() == null ? 0 : view.components().size(), 0, Map.of(), Map.of());
    }

    @Post(value = "/{id}/ubah", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(long id, @Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        events.get(id);
        return save(request, auth, id, form);
    }

    private HttpResponse<?> save(HttpRequest<?> request, Authentication auth, Long id, Map<String, String> typed) {
        List<FieldProblem> refused = new ArrayList<>();
        Map<String, String> form = pages.form(typed, refused);
        EventForm.Bound bound = EventForm.bind(form);
        if (form.containsKey("tambahBaris")) {
            return form(request, auth, HttpStatus.OK, id, bound.values(), bound.sessions(), bound.components(), MORE_ROWS, Map.of(), Map.of());
        }
        HttpStatus status = HttpStatus.BAD_REQUEST;
        List<FieldProblem> problems = new ArrayList<>(refused);
        problems.addAll(bound.problems());
        Set<String> unreadable = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        Violations.problems(validator.validate(bound.request())).stream()
                .filter(p -> !unreadable.contains(p.field())).forEach(problems::add);
        if (problems.isEmpty()) {
            try {
                Event saved = id == null ? events.create(bound.request()) : events.update(id, bound.request());
                return HttpResponse.seeOther(URI.create("/kegiatan/" + saved.id() + "?tersimpan=1"));
            } catch (DomainRefusal e) {
                if (e.fields().isEmpty()) {
                    throw e;
                }
                problems.addAll(e.fields());
                status = ProblemResponses.status(e);
            }
        }
        return form(request, auth, status, id, bound.values(), bound.sessions(), bound.components(), 0,
                pages.fieldErrors(request, problems), Map.of());
    }

    private HttpResponse<?> form(HttpRequest<?> request, Authentication auth, HttpStatus status, Long id, Map<String, String> values,
                                 int sessions, int components, int more, Map<String, String> errors, Map<String, Object> extra) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("defaultsFrom", null);
        model.put("organisers", List.of());
        model.putAll(extra);
        model.put("id", id);
        model.put("v", values);
        model.put("errors", errors);
        model.put("sessionRows", rows(sessions + BLANK_SESSIONS + more));
        // a session row's errors are shown on a row of their own below it, as wide as the table
        model.put("sessionFields", EventForm.SESSION_FIELDS.stream().filter(f -> !f.equals("id")).toList());
        model.put("sessionErrorRows", errors.keySet().stream().map(SESSION_ROW::matcher).filter(Matcher::lookingAt)
                .map(m -> Integer.valueOf(m.group(1))).collect(Collectors.toSet()));
        model.put("componentRows", rows(components + BLANK_COMPONENTS + more));
        model.put("kinds", EventKind.values());
        model.put("tracks", Track.values());
        model.put("modes", Mode.values());
        model.put("roles", FacilitatorRole.values());
        // a session's narasumber and moderator may be people enrolled in the event in that role
        List<EventEnrolments.Enrolled> enrolled = id == null ? List.of() : enrolments.enrolled(id);
        model.put("narasumbers", enrolled.stream().filter(e -> e.role().equals("NARASUMBER")).toList());
        model.put("moderators", enrolled.stream().filter(e -> e.role().equals("MODERATOR")).toList());
        model.put("scales", gradeScales.list());
        // a series left blank runs on its default: the hint names each
        model.put("seriesDefaults", numbers.defaults().entrySet().stream().collect(Collectors.toMap(d -> d.getKey().name(), Map.Entry::getValue)));
        model.put("templates", templates.list().stream().filter(t -> t.model().isPresent()).map(TemplateCatalogue.Entry::name).toList());
        return HttpResponse.status(status).body(new ModelAndView<>("kegiatan-form", model));
    }

    private static List<Integer> rows(int n) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(n, EventForm.MAX_ROWS); i++) {
            rows.add(i);
        }
        return rows;
    }
}
