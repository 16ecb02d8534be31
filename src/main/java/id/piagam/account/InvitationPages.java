package id.piagam.account;

import id.piagam.security.Roles;
import id.piagam.text.Bahasa;
import id.piagam.exchange.TableWriter;
import id.piagam.web.PageText;
import id.piagam.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The secretariat creates invitation links from the participant's page (one person) or the event's
 * page (every peserta, as a list to send). The links are shown once, on the page that follows, each
 * to copy and all of them as a CSV.
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

    /**
     * The list's own address opened again (a reload, Back, a bookmark): the links were shown once and are not kept in
     * clear, so the browser goes back to the page they were made from, where new ones can be made.
     */
    @Get("/peserta/{id}/undangan")
    HttpResponse<?> oneAgain(long id) {
        return HttpResponse.seeOther(URI.create("/peserta/" + id));
    }

    @Get("/kegiatan/{id}/undangan")
    HttpResponse<?> allAgain(long id) {
        return HttpResponse.seeOther(URI.create("/kegiatan/" + id));
    }

    private HttpResponse<?> list(List<Invitations.Sent> sent, String back, HttpRequest<?> request, Authentication auth) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("sent", sent);
        model.put("back", back);
        model.put("expires", sent.isEmpty() ? "" : Bahasa.timestampWithZone(sent.get(0).expiresAt(), clock.getZone()));
        model.put("csv", sent.isEmpty() ? "" : csv(sent, (PageText) model.get("t")));
        return HttpResponse.ok(new ModelAndView<>("undangan-daftar", model));
    }

    /**
     * The shown links as a CSV for a mail merge or a WhatsApp broadcast, as a {@code data:} link in
     * the same page: only the links' hashes are stored, so this response is the only moment the
     * links exist in clear, and they never go back to the server.
     */
    private String csv(List<Invitations.Sent> sent, PageText t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TableWriter.csv(List.of(t.get("participants.name"), "NIP", t.get("invite.link"), t.get("invite.expires")),
                    sent.stream().map(s -> List.<Object>of(s.name(), s.nip() == null ? "" : s.nip(), s.url(),
                            Bahasa.timestampWithZone(s.expiresAt(), clock.getZone()))).toList(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:text/csv;charset=utf-8;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
