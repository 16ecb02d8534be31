package id.piagam.assessment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import id.piagam.security.Roles;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import id.piagam.validation.Violations;
import id.piagam.web.Pages;
import id.piagam.rules.DomainRefusal;
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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grade scales for administrators: every stored version with its bands, and a form for a new
 * scale or the next version of an existing code (a stored version never changes, so events keep
 * the scale they were assessed with).
 */
@Controller("/admin/skala-nilai")
@Secured(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class GradeScalePage {

    static final int BAND_ROWS = 8;

    private final GradeScales scales;
    private final Validator validator;
    private final Pages pages;

    GradeScalePage(GradeScales scales, Validator validator, Pages pages) {
        this.scales = scales;
        this.validator = validator;
        this.pages = pages;
    }

    /** The list; {@code dari} copies a stored version into the form as the start of its next version. */
    @Get
    HttpResponse<?> list(@Nullable @QueryValue Long dari, HttpRequest<?> request, Authentication auth) {
        Map<String, String> v = new HashMap<>();
        if (dari != null) {
            GradeScaleViews.ScaleView s = scales.row(dari).map(scales::view).orElseThrow(() -> DomainRefusal.notFound("entity.gradeScale", dari));
            v.put("code", s.code());
            v.put("name", s.name());
            for (int i = 0; i < s.bands().size() && i < BAND_ROWS; i++) {
                GradeScaleViews.BandView b = s.bands().get(i);
                v.put("bands[" + i + "].label", b.label());
                v.put("bands[" + i + "].lowerBound", b.lowerBound().stripTrailingZeros().toPlainString());
                if (b.passing()) {
                    v.put("bands[" + i + "].passing", "on");
                }
            }
        }
        return page(request, auth, HttpStatus.OK, v, Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> form = pages.form(typed, problems);
        List<GradeScaleViews.BandRequest> bands = new ArrayList<>();
        List<Integer> rows = new ArrayList<>(); // the page row of each band sent (blank rows are skipped)
        for (int i = 0; i < BAND_ROWS; i++) {
            String label = form.getOrDefault("bands[" + i + "].label", "").trim();
            String bound = form.getOrDefault("bands[" + i + "].lowerBound", "").trim();
            if (label.isEmpty() && bound.isEmpty()) {
                continue;
            }
            BigDecimal lower = null;
            if (!bound.isEmpty()) {
                try {
                    lower = Bahasa.readDecimal(bound);
                } catch (NumberFormatException e) {
                    problems.add(FieldProblem.of("bands[" + i + "].lowerBound", "value.unreadable"));
                }
            }
            bands.add(new GradeScaleViews.BandRequest(label, lower, form.containsKey("bands[" + i + "].passing")));
            rows.add(i);
        }
        GradeScaleViews.ScaleRequest r = new GradeScaleViews.ScaleRequest(form.getOrDefault("code", "").trim(),
                form.getOrDefault("name", "").trim(), bands);
        if (problems.isEmpty()) {
            problems.addAll(atRows(Violations.problems(validator.validate(r)), rows));
        }
        if (problems.isEmpty()) {
            try {
                scales.create(r);
                return HttpResponse.seeOther(URI.create("/admin/skala-nilai?tersimpan=1"));
            } catch (DomainRefusal e) {
                problems.addAll(atRows(e.fields(), rows));
            }
        }
        return page(request, auth, HttpStatus.BAD_REQUEST, form, pages.fieldErrors(request, problems));
    }

    /** A band's problem at the page row it was typed in: {@code bands[1].lowerBound} of the request → {@code bands[3].lowerBound}. */
    private static List<FieldProblem> atRows(List<FieldProblem> problems, List<Integer> rows) {
        return problems.stream().map(p -> {
            Matcher m = BAND.matcher(p.field());
            return m.lookingAt() && Integer.parseInt(m.group(1)) < rows.size()
                    ? new FieldProblem("bands[" + rows.get(Integer.parseInt(m.group(1))) + "]" + p.field().substring(m.end()), p.code(), p.args())
                    : p;
        }).toList();
    }

    private static final Pattern BAND = Pattern.compile("bands\\[(\\d+)]");

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, HttpStatus status, Map<String, String> values,
                                 Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("scales", scales.list());
        model.put("v", values);
        model.put("errors", errors);
        model.put("saved", request.getParameters().contains("tersimpan"));
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < BAND_ROWS; i++) {
            rows.add(i);
        }
        model.put("bandRows", rows);
        return HttpResponse.status(status).body(new ModelAndView<>("admin-skala", model));
    }
}
