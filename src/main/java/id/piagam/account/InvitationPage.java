package id.piagam.account;

import id.piagam.participant.Participant;
import id.piagam.web.Pages;
import id.piagam.rules.DomainRefusal;
import id.piagam.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Where an invitation link leads: the participant sets a password once and is signed in. */
@Controller("/undangan")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationPage {

    private final Invitations invitations;
    private final WebSessions sessions;
    private final Pages pages;
    private final AccountLanguages languages;

    InvitationPage(Invitations invitations, WebSessions sessions, Pages pages, AccountLanguages languages) {
        this.invitations = invitations;
        this.languages = languages;
        this.sessions = sessions;
        this.pages = pages;
    }

    @Get("/{token}")
    HttpResponse<?> form(String token, HttpRequest<?> request) {
        Optional<Participant> p = invitations.open(token);
        if (p.isEmpty()) {
            return render(request, HttpStatus.GONE, token, null, null, Map.of());
        }
        return render(request, HttpStatus.OK, token, p.get(), WebSessions.random(), Map.of());
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(String token, @Body Map<String, String> form, HttpRequest<?> request) {
        Optional<Participant> p = invitations.open(token);
        String expected = request.getCookies().findCookie(WebSessions.FORM_COOKIE).map(Cookie::getValue).orElse(null);
        if (p.isEmpty()) {
            return render(request, HttpStatus.GONE, token, null, null, Map.of());
        }
        try {
            User user = invitations.accept(token, form.get("password"), form.get("repeat"));
            languages.keepChosenBeforeSignIn(user, request);
            WebSessions.Started started = sessions.start(user);
            return HttpResponse.seeOther(URI.create("/saya"))
                    .cookie(sessions.cookie(started))
                    .cookie(WebSessions.expired(WebSessions.FORM_COOKIE));
        } catch (DomainRefusal e) {
            if (e.kind() == DomainRefusal.Kind.GONE) {
                return render(request, HttpStatus.GONE, token, null, null, Map.of());
            }
            return render(request, ProblemResponses.status(e), token, p.get(), expected, pages.fieldErrors(request, e.fields()));
        }
    }

    private HttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String token, Participant p, String csrf,
                                   Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, null);
        model.put("token", token);
        model.put("person", p == null ? null : p.printedName());
        model.put("identity", p == null ? null : p.nip() != null ? p.nip() : p.nik() != null ? p.nik() : p.email());
        model.put("csrf", csrf);
        model.put("errors", errors);
        MutableHttpResponse<?> response = HttpResponse.status(status).body(new ModelAndView<>("undangan", model));
        return csrf == null ? response : response.cookie(sessions.formCookie(csrf));
    }
}
