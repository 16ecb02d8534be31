package id.piagam.account;

import id.piagam.text.Bahasa;
import id.piagam.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The secretariat creates invitation links from the participant's page (one person) or the event's
 * page (every peserta, as a list to send). The links are shown once, on the page that follows.
 */
@Controller
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationPages {

    private final Invitations invitations;
    private final Pages pages;
    private final Clock clock;

    InvitationPages(Invitations invitations, Pages pages, Clock clock) {
        this.invitations = invitations;
        this.pages = pages;
        this.clock = clock;
    }

    @Post(value = "/peserta/{id}/undangan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> one(long id, HttpRequest<?> request, Authentication auth) {
        return list(List.of(invitations.invite(id, auth.getName())), "/peserta/" + id, request, auth);
    }

    @Post(value = "/kegiatan/{id}/undangan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> all(long id, HttpRequest<?> request, Authentication auth) {
        return list(invitations.inviteAll(id, auth.getName()), "/kegiatan/" + id, request, auth);
    }

    private HttpResponse<?> list(List<Invitations.Sent> sent, String back, HttpRequest<?> request, Authentication auth) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("sent", sent);
        model.put("back", back);
        model.put("expires", sent.isEmpty() ? "" : Bahasa.timestamp(sent.get(0).expiresAt(), clock.getZone()));
        return HttpResponse.ok(new ModelAndView<>("undangan-daftar", model));
    }
}
