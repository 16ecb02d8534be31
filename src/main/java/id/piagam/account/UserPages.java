package id.piagam.account;

import id.piagam.security.Roles;
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
import java.util.Locale;
import java.util.Map;

/**
 * Administrators' account pages: the list, a new staff account, and one account's role, name,
 * status and password. Participants get their accounts through invitations, not here. The rules are
 * {@link UserAdmin}'s, the same as the API's.
 */
@Controller("/admin/pengguna")
@Secured(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserPages {

    private static final List<Role> STAFF = List.of(Role.OPERATOR, Role.ADMIN);

    private final UserAdmin admin;
    private final Validator validator;
    private final Pages pages;

    UserPages(UserAdmin admin, Validator validator, Pages pages) {
        this.admin = admin;
        this.validator = validator;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication auth) {
        return list(request, auth, HttpStatus.OK, Map.of("role", Role.OPERATOR.name()), Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> form = pages.form(typed, problems);
        Role role = staffRole(form.get("role"), problems);
        UserRequests.CreateUser r = new UserRequests.CreateUser(form.getOrDefault("username", "").trim(), form.getOrDefault("password", ""),
                role, blankToNull(form.get("displayName")), null);
        problems.addAll(Violations.problems(validator.validate(r)));
        if (problems.isEmpty()) {
            try {
                User created = admin.create(r);
                return HttpResponse.seeOther(URI.create("/admin/pengguna/" + created.id() + "?tersimpan=1"));
            } catch (DomainRefusal e) {
                problems.addAll(e.fields());
            }
        }
        Map<String, String> kept = new HashMap<>(form);
        kept.remove("password");
        return list(request, auth, HttpStatus.BAD_REQUEST, kept, pages.fieldErrors(request, problems));
    }

    @Get("/{id}")
    HttpResponse<?> edit(long id, HttpRequest<?> request, Authentication auth) {
        User u = admin.get(id);
        Map<String, String> v = new HashMap<>();
        v.put("role", u.role().name());
        v.put("displayName", u.displayName() == null ? "" : u.displayName());
        if (u.enabled()) {
            v.put("enabled", "on");
        }
        return edit(request, auth, HttpStatus.OK, u, v, Map.of());
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(long id, @Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        User u = admin.get(id);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> form = pages.form(typed, problems);
        Role role = u.role() == Role.PARTICIPANT ? null : staffRole(form.get("role"), problems);
        UserRequests.UpdateUser r = new UserRequests.UpdateUser(blankToNull(form.get("password")), role,
                form.getOrDefault("displayName", "").trim(), form.containsKey("enabled"));
        problems.addAll(Violations.problems(validator.validate(r)));
        String general = null;
        if (problems.isEmpty()) {
            try {
                admin.update(id, r);
                return HttpResponse.seeOther(URI.create("/admin/pengguna/" + id + "?tersimpan=1"));
            } catch (DomainRefusal e) {
                problems.addAll(e.fields());
                general = e.fields().isEmpty() ? pages.text(request, e.detailCode()) : null;
            }
        }
        Map<String, String> errors = new HashMap<>(pages.fieldErrors(request, problems));
        if (general != null) {
            errors.put("general", general);
        }
        Map<String, String> kept = new HashMap<>(form);
        kept.remove("password");
        return edit(request, auth, HttpStatus.BAD_REQUEST, u, kept, errors);
    }

    private static Role staffRole(String raw, List<FieldProblem> problems) {
        try {
            Role role = Role.valueOf(raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT));
            if (STAFF.contains(role)) {
                return role;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(FieldProblem.of("role", "value.choice", "OPERATOR, ADMIN"));
        return null;
    }

    private HttpResponse<?> list(HttpRequest<?> request, Authentication auth, HttpStatus status, Map<String, String> values,
                                 Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("users", admin.list().stream().map(UserRequests.UserView::of).toList());
        model.put("roles", STAFF);
        model.put("v", values);
        model.put("errors", errors);
        return HttpResponse.status(status).body(new ModelAndView<>("admin-pengguna", model));
    }

    private HttpResponse<?> edit(HttpRequest<?> request, Authentication auth, HttpStatus status, User u, Map<String, String> values,
                                 Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("account", UserRequests.UserView.of(u));
        model.put("roles", STAFF);
        model.put("v", values);
        model.put("errors", errors);
        model.put("saved", request.getParameters().contains("tersimpan"));
        return HttpResponse.status(status).body(new ModelAndView<>("admin-pengguna-ubah", model));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
