package id.piagam.agency;

import id.piagam.rules.DomainRefusal;
import id.piagam.security.Roles;
import id.piagam.validation.FieldProblem;
import id.piagam.validation.Violations;
import id.piagam.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.validation.Validator;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The agency profile for administrators ({@code /admin/instansi}): the names, address and contacts,
 * the people who sign (one chosen as the default for new events), and the logo, uploaded apart.
 */
@Controller("/admin/instansi")
@Secured(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgencyPage {

    static final int SIGNATORY_ROWS = 5;
    private static final List<String> TEXTS = List.of("fullName", "shortName", "parent", "address", "phone", "email", "website");
    private static final List<String> PERSON = List.of("name", "nip", "pangkat", "golongan", "position", "office");

    private final AgencyProfiles profiles;
    private final Validator validator;
    private final Pages pages;

    AgencyPage(AgencyProfiles profiles, Validator validator, Pages pages) {
        this.profiles = profiles;
        this.validator = validator;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> show(HttpRequest<?> request, Authentication auth) {
        return page(request, auth, HttpStatus.OK, current(), Map.of());
    }

    /** The form as the agency is now. */
    private Map<String, String> current() {
        AgencyViews.AgencyView a = profiles.view();
        Map<String, String> v = new HashMap<>();
        put(v, "fullName", a.fullName());
        put(v, "shortName", a.shortName());
        put(v, "parent", a.parent());
        put(v, "address", a.address());
        put(v, "phone", a.phone());
        put(v, "email", a.email());
        put(v, "website", a.website());
        for (int i = 0; i < a.signatories().size() && i < SIGNATORY_ROWS; i++) {
            AgencyViews.SignatoryView s = a.signatories().get(i);
            String p = "signatories[" + i + "].";
            put(v, p + "name", s.name());
            put(v, p + "nip", s.nip());
            put(v, p + "pangkat", s.pangkat());
            put(v, p + "golongan", s.golongan());
            put(v, p + "position", s.position());
            put(v, p + "office", s.office());
            if (s.isDefault()) {
                v.put("defaultSignatory", String.valueOf(i));
            }
        }
        return v;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> form = pages.form(typed, problems);
        List<AgencyViews.SignatoryRequest> people = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < SIGNATORY_ROWS; i++) {
            String p = "signatories[" + i + "].";
            int row = i;
            if (PERSON.stream().allMatch(f -> form.getOrDefault(p + f, "").isBlank())) {
                continue;
            }
            people.add(new AgencyViews.SignatoryRequest(form.getOrDefault(p + "name", ""), blank(form.get(p + "nip")),
                    blank(form.get(p + "pangkat")), blank(form.get(p + "golongan")), form.getOrDefault(p + "position", ""),
                    blank(form.get(p + "office")), String.valueOf(row).equals(form.get("defaultSignatory"))));
            rows.add(i);
        }
        AgencyViews.AgencyRequest r = new AgencyViews.AgencyRequest(form.getOrDefault("fullName", ""), blank(form.get("shortName")),
                blank(form.get("parent")), blank(form.get("address")), blank(form.get("phone")), blank(form.get("email")),
                blank(form.get("website")), people);
        if (problems.isEmpty()) {
            problems.addAll(atRows(Violations.problems(validator.validate(r)), rows));
        }
        if (problems.isEmpty()) {
            try {
                profiles.save(r);
                return HttpResponse.seeOther(URI.create("/admin/instansi?tersimpan=1"));
            } catch (DomainRefusal e) {
                problems.addAll(atRows(e.fields(), rows));
            }
        }
        return page(request, auth, HttpStatus.BAD_REQUEST, form, pages.fieldErrors(request, problems));
    }

    @Post(value = "/logo", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> logo(@Nullable CompletedFileUpload logo, HttpRequest<?> request, Authentication auth) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            profiles.saveLogo(logo == null ? new byte[0] : logo.getBytes());
            return HttpResponse.seeOther(URI.create("/admin/instansi?tersimpan=1"));
        } catch (DomainRefusal e) {
            problems.addAll(e.fields());
        }
        return page(request, auth, HttpStatus.BAD_REQUEST, current(), pages.fieldErrors(request, problems));
    }

    /** A signatory's problem at the page row it was typed in. */
    private static List<FieldProblem> atRows(List<FieldProblem> problems, List<Integer> rows) {
        return problems.stream().map(p -> {
            if (!p.field().startsWith("signatories[")) {
                return p;
            }
            int end = p.field().indexOf(']');
            int index = Integer.parseInt(p.field().substring("signatories[".length(), end));
            return index < rows.size() ? new FieldProblem("signatories[" + rows.get(index) + p.field().substring(end), p.code(), p.args()) : p;
        }).toList();
    }

    private HttpResponse<?> page(HttpRequest<?> request, Authentication auth, HttpStatus status, Map<String, String> values,
                                 Map<String, String> errors) {
        return HttpResponse.status(status).body(new ModelAndView<>("admin-instansi", model(request, auth, values, errors)));
    }

    private Map<String, Object> model(HttpRequest<?> request, Authentication auth, Map<String, String> values, Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, auth);
        AgencyViews.AgencyView agency = profiles.view();
        model.put("agency", agency);
        model.put("logo", profiles.logoDataUri());
        model.put("v", values);
        model.put("errors", errors);
        model.put("texts", TEXTS);
        model.put("saved", request.getParameters().contains("tersimpan"));
        model.put("signatoryRows", IntStream.range(0, SIGNATORY_ROWS).boxed().toList());
        model.put("personFields", PERSON);
        return model;
    }

    private static void put(Map<String, String> v, String key, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            v.put(key, value);
        }
    }

    private static String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
