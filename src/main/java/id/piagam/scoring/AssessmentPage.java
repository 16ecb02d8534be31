package id.piagam.scoring;

import id.piagam.assessment.Assessment;
import id.piagam.assessment.AssessmentComponent;
import id.piagam.assessment.AssessmentComponentRepository;
import id.piagam.assessment.GradeScale;
import id.piagam.assessment.GradeScales;
import id.piagam.security.Roles;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import id.piagam.web.Messages;
import id.piagam.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The assessment grid of a Diklat: participants down, components across, with the final score and
 * kualifikasi. The server computes them on every load; the page's script recomputes them as scores
 * are typed with the same rule (weighted sum, two decimals, half up; the scale's band). Saving
 * records every row in one transaction: a single unreadable cell saves nothing.
 */
@Controller("/kegiatan/{eventId}/nilai")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AssessmentPage {

    private final EventService events;
    private final AssessmentComponentRepository components;
    private final AssessmentService service;
    private final GradeScales gradeScales;
    private final Pages pages;

    AssessmentPage(EventService events, AssessmentComponentRepository components, AssessmentService service, GradeScales gradeScales,
                   Pages pages) {
        this.events = events;
        this.components = components;
        this.service = service;
        this.gradeScales = gradeScales;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> grid(long eventId, HttpRequest<?> request, Authentication auth) {
        return HttpResponse.ok(view(eventId, null, Map.of(), request.getParameters().contains("tersimpan"), request, auth));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(long eventId, @Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        List<AssessmentComponent> comps = components.findByEventIdOrderByPosition(eventId);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> rowOf = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> byParticipant = new LinkedHashMap<>();
        for (AssessmentViews.AssessmentView row : service.list(eventId)) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (AssessmentComponent c : comps) {
                String cell = cell(row.participantId(), c);
                String raw = form.getOrDefault(cell, "").trim();
                rowOf.put(cell, row.printedName() + ", " + c.name());
                if (raw.isEmpty()) {
                    continue;
                }
                try {
                    BigDecimal value = Bahasa.readDecimal(raw);
                    if (Assessment.isValidScore(value)) {
                        values.put(c.name(), value);
                    } else {
                        problems.add(FieldProblem.of(cell, "score.range"));
                    }
                } catch (NumberFormatException e) {
                    problems.add(FieldProblem.of(cell, "value.unreadable"));
                }
            }
            if (!values.isEmpty()) {
                byParticipant.put(row.participantId(), values);
            }
        }
        if (!problems.isEmpty()) {
            // each message names its row (the participant) and column, at the cell and in the list at the top
            Map<String, String> errors = new LinkedHashMap<>();
            pages.fieldErrors(request, problems).forEach((cell, message) -> errors.put(cell, rowOf.get(cell) + ": " + message));
            return HttpResponse.badRequest(view(eventId, form, errors, false, request, auth));
        }
        service.recordAll(eventId, byParticipant, auth.getName());
        return HttpResponse.seeOther(URI.create("/kegiatan/" + eventId + "/nilai?tersimpan=1"));
    }

    private ModelAndView<Map<String, Object>> view(long eventId, Map<String, String> submitted, Map<String, String> errors, boolean saved,
                                                   HttpRequest<?> request, Authentication auth) {
        Event event = events.get(eventId);
        List<AssessmentViews.AssessmentView> rows = service.list(eventId);
        List<AssessmentComponent> comps = components.findByEventIdOrderByPosition(eventId);
        Map<String, String> values = new HashMap<>();
        Locale locale = pages.locale(request);
        for (AssessmentViews.AssessmentView row : rows) {
            for (AssessmentComponent c : comps) {
                BigDecimal v = row.scores().get(c.name());
                if (v != null) {
                    // as the reader writes it ("85,5" on Indonesian pages); the input reads either form back
                    values.put(cell(row.participantId(), c), Messages.decimal(locale, v));
                }
            }
        }
        if (submitted != null) {
            submitted.forEach((k, v) -> {
                if (k.startsWith("n")) {
                    values.put(k, v);
                }
            });
        }
        GradeScale scale = event.gradeScaleId() == null ? null : gradeScales.find(event.gradeScaleId()).orElse(null);
        Map<String, Object> model = pages.model(request, auth);
        model.put("event", event);
        model.put("components", comps);
        model.put("rows", rows);
        model.put("v", values);
        model.put("errors", errors);
        model.put("saved", saved);
        // after a refused save the typed values are shown, not the saved ones: no saved result beside them
        model.put("refused", submitted != null);
        model.put("finals", rows.stream().collect(Collectors.toMap(AssessmentViews.AssessmentView::participantId,
                r -> r.finalScore() == null || submitted != null ? "–" : Messages.decimal2(locale, r.finalScore()))));
        model.put("passMark", event.passMark() == null ? "" : event.passMark().toPlainString());
        model.put("passMarkValue", event.passMark());
        model.put("bands", scale == null ? List.of() : scale.bands());
        return new ModelAndView<>("nilai", model);
    }

    static String cell(long participantId, AssessmentComponent c) {
        return "n" + participantId + "." + c.id();
    }
}
