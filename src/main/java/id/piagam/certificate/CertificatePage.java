package id.piagam.certificate;

import id.piagam.security.Roles;
import id.piagam.enrolment.EnrolmentViews;
import id.piagam.enrolment.IdentityCorrections;
import id.piagam.programme.EventService;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import id.piagam.web.Pages;
import id.piagam.rules.DomainRefusal;
import id.piagam.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One certificate as the secretariat sees it: what it is and what it states, its history, and, for an administrator,
 * the two corrections: reissue (a new certificate supersedes this one) and revoke, each with a reason.
 */
@Controller("/sertifikat")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CertificatePage {

    static final int MAX_REASON = 500;

    record Line(String at, String actor, String action, String detail) {
    }

    private final CertificateService service;
    private final EventService events;
    private final AuditRepository audit;
    private final Pages pages;
    private final Clock clock;
    private final IdentityCorrections corrections;
    private final VerifyLinks links;
    private final JsonMapper json;

    CertificatePage(CertificateService service, EventService events, AuditRepository audit, Pages pages, Clock clock,
                    IdentityCorrections corrections, VerifyLinks links, JsonMapper json) {
        this.links = links;
        this.json = json;
        this.clock = clock;
        this.corrections = corrections;
        this.service = service;
        this.events = events;
        this.audit = audit;
        this.pages = pages;
    }

    @Get("/{id}")
    HttpResponse<?> page(long id, HttpRequest<?> request, Authentication auth) {
        return page(id, HttpStatus.OK, Map.of(), Map.of(), request, auth);
    }

    @Post(value = "/{id}/cabut", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.ADMIN)
    HttpResponse<?> revoke(long id, @Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        List<FieldProblem> refused = new ArrayList<>();
        Map<String, String> form = pages.form(typed, refused);
        if (!refused.isEmpty()) {
            return page(id, HttpStatus.BAD_REQUEST, pages.fieldErrors(request, refused), form, request, auth);
        }
        String reason = form.getOrDefault("revokeReason", "").trim();
        FieldProblem problem = reasonProblem("revokeReason", reason);
        if (problem != null) {
            return page(id, HttpStatus.BAD_REQUEST, pages.fieldErrors(request, List.of(problem)), form, request, auth);
        }
        try {
            service.revoke(id, reason, auth.getName());
        } catch (DomainRefusal e) {
            return page(id, ProblemResponses.status(e), Map.of("revokeReason", pages.text(request, e.detailCode())), form, request, auth);
        }
        return HttpResponse.seeOther(URI.create("/sertifikat/" + id));
    }

    @Post(value = "/{id}/terbitkan-ulang", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Roles.ADMIN)
    HttpResponse<?> reissue(long id, @Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        List<FieldProblem> refused = new ArrayList<>();
        Map<String, String> form = pages.form(typed, refused);
        if (!refused.isEmpty()) {
            return page(id, HttpStatus.BAD_REQUEST, pages.fieldErrors(request, refused), form, request, auth);
        }
        String reason = form.getOrDefault("reissueReason", "").trim();
        FieldProblem problem = reasonProblem("reissueReason", reason);
        if (problem != null) {
            return page(id, HttpStatus.BAD_REQUEST, pages.fieldErrors(request, List.of(problem)), form, request, auth);
        }
        Certificate fresh;
        try {
            fresh = service.reissue(id, reason, auth.getName());
        } catch (DomainRefusal e) {
            String message = e.fields().isEmpty() ? pages.text(request, e.detailCode())
                    : String.join(" ", pages.fieldErrors(request, e.fields()).values());
            return page(id, ProblemResponses.status(e), Map.of("reissueReason", message), form, request, auth);
        }
        return HttpResponse.seeOther(URI.create("/sertifikat/" + fresh.id()));
    }

    /** The printed identity fields a secretariat may correct one at a time before a reissue. */
    static final List<String> IDENTITY_FIELDS = List.of("printedName", "nip", "nik", "birthPlace", "birthDate", "golongan", "pangkat",
            "jabatan", "unitKerja", "instansi");

    /** Corrects one field of the holder's printed identity (audited); the reissue then prints it. */
    @Post(value = "/{id}/identitas", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> correctIdentity(long id, @Body Map<String, String> typed, HttpRequest<?> request, Authentication auth) {
        List<FieldProblem> refused = new ArrayList<>();
        Map<String, String> form = pages.form(typed, refused);
        if (!refused.isEmpty()) {
            return page(id, HttpStatus.BAD_REQUEST, pages.fieldErrors(request, refused), form, request, auth);
        }
        Certificate c = service.get(id);
        String field = form.getOrDefault("identityField", "");
        String value = form.getOrDefault("identityValue", "").trim();
        if (!IDENTITY_FIELDS.contains(field)) {
            return page(id, HttpStatus.BAD_REQUEST, pages.fieldErrors(request,
                    List.of(FieldProblem.of("identityField", "value.choice", String.join(", ", IDENTITY_FIELDS)))), form, request, auth);
        }
        LocalDate birthDate = null;
        if (field.equals("birthDate")) {
            try {
                birthDate = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return page(id, HttpStatus.BAD_REQUEST, pages.fieldErrors(request,
                        List.of(FieldProblem.of("identityValue", "value.unreadable"))), form, request, auth);
            }
        }
        Function<String, String> only = f -> f.equals(field) ? value : null;
        EnrolmentViews.IdentityRequest r = new EnrolmentViews.IdentityRequest(only.apply("printedName"), only.apply("nip"),
                only.apply("nik"), only.apply("birthPlace"), birthDate, only.apply("golongan"), only.apply("pangkat"),
                only.apply("jabatan"), only.apply("unitKerja"), only.apply("instansi"));
        try {
            corrections.correct(c.eventId(), c.participantId(), r, auth.getName());
        } catch (DomainRefusal e) {
            String message = e.fields().isEmpty() ? pages.text(request, e.detailCode())
                    : String.join(" ", pages.fieldErrors(request, e.fields()).values());
            return page(id, ProblemResponses.status(e), Map.of("identityValue", message), form, request, auth);
        }
        return HttpResponse.seeOther(URI.create("/sertifikat/" + id + "?identitas=1#identity"));
    }

    private static FieldProblem reasonProblem(String field, String reason) {
        if (reason.isEmpty()) {
            return FieldProblem.of(field, "jakarta.validation.constraints.NotBlank.message");
        }
        return reason.length() > MAX_REASON ? FieldProblem.of(field, "jakarta.validation.constraints.Size.message", 1, MAX_REASON) : null;
    }

    private HttpResponse<?> page(long id, HttpStatus status, Map<String, String> errors, Map<String, String> values, HttpRequest<?> request,
                                 Authentication auth) {
        Certificate c = service.get(id);
        Map<String, Object> model = pages.model(request, auth);
        model.put("c", c);
        model.put("event", events.get(c.eventId()));
        model.put("issuedOn", Bahasa.longDate(c.issuedOn(), pages.locale(request)));
        model.put("expiresOn", c.expiresOn() == null ? null : Bahasa.longDate(c.expiresOn(), pages.locale(request)));
        model.put("verifyUrl", links.verifyUrl(c.verificationCode()));
        model.put("printed", PrintedLines.of(c.snapshot(), json, c.kind()));
        model.put("history", audit.findByCertificateIdOrderById(id).stream()
                .map(a -> new Line(Bahasa.timestampWithZone(a.at(), clock.getZone()), a.actor(), a.action(), a.detail())).toList());
        model.put("errors", errors);
        model.put("v", values);
        model.put("identityFields", IDENTITY_FIELDS);
        model.put("corrections", corrections.history(c.eventId(), c.participantId()));
        model.put("corrected", request.getParameters().get("identitas") != null);
        return HttpResponse.status(status).body(new ModelAndView<>("sertifikat", model));
    }
}
