package id.piagam.enrolment;

import id.piagam.rules.DomainRefusal;
import id.piagam.security.Roles;
import id.piagam.validation.FieldProblem;
import id.piagam.web.Pages;
import id.piagam.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One person's part in an event, as the secretariat sets it on a page: the role (peserta, narasumber,
 * moderator, panitia) and, for the panitia, the function their certificate states (ketua, sekretaris…).
 * The same service and rules as {@code PUT /api/events/{id}/enrolments/{participantId}}.
 */
@Controller("/kegiatan/{eventId}/peran/{participantId}")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class EnrolmentPage {

    private final EnrolmentService enrolments;
    private final Pages pages;

    EnrolmentPage(EnrolmentService enrolments, Pages pages) {
        this.enrolments = enrolments;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> form(long eventId, long participantId, HttpRequest<?> request, Authentication auth) {
        Enrolment e = enrolments.get(eventId, participantId);
        Map<String, String> v = new HashMap<>();
        v.put("role", e.role().name());
        v.put("panitiaFunction", e.panitiaFunction() == null ? "" : e.panitiaFunction().name());
        return page(request, auth, HttpStatus.OK, e, v, Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(long eventId, long participantId, @Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        Enrolment e = enrolments.get(eventId, participantId);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> form = pages.form(typed, problems);
        EnrolmentRole role = choice(EnrolmentRole.class, form.get("role"), "role", problems);
        PanitiaFunction function = choice(PanitiaFunction.class, form.get("panitiaFunction"), "panitiaFunction", problems);
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (role == null && problems.isEmpty()) {
            problems.add(FieldProblem.of("role", "jakarta.validation.constraints.NotNull.message"));
        }
        if (problems.isEmpty()) {
            try {
                enrolments.setRole(eventId, participantId, role, function);
                return HttpResponse.seeOther(URI.create("/kegiatan/" + eventId + "?tersimpan=1#p" + participantId));
            } catch (DomainRefusal refusal) {
                if (refusal.fields().isEmpty()) {
                    throw refusal;
                }
                problems.addAll(refusal.fields());
                status = ProblemResponses.status(refusal);
            }
        }
        return page(request, auth, status, e, form, pages.fieldErrors(request, problems));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            problems.add(FieldProblem.of(field, "value.choice", String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).toList())));
            return null;
        }
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, HttpStatus status, Enrolment e, Map<String, String> v,
                                 Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("enrolment", e);
        model.put("v", v);
        model.put("errors", errors);
        model.put("roles", EnrolmentRole.values());
        model.put("functions", PanitiaFunction.values());
        return HttpResponse.status(status).body(new ModelAndView<>("kegiatan-peran", model));
    }
}
