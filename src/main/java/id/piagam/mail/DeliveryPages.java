package id.piagam.mail;

import id.piagam.account.Invitations;
import id.piagam.enrolment.Enrolment;
import id.piagam.exchange.TableWriter;
import id.piagam.programme.EventService;
import id.piagam.security.Roles;
import id.piagam.text.Bahasa;
import id.piagam.web.PageText;
import id.piagam.web.Pages;
import io.micronaut.core.annotation.Nullable;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The secretariat sees delivery (issue #15): an event's messages per person with their state and the
 * server's reply, Resend, the certificate mail progress, and the people no email reaches ("perlu dikirim
 * manual") with their links to copy and, on request, new invitation links as a CSV for a WhatsApp
 * broadcast. Without an SMTP server the page says that nothing is sent by email.
 */
@Controller
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeliveryPages {

    private final Deliveries deliveries;
    private final EventService events;
    private final Pages pages;
    private final Clock clock;

    DeliveryPages(Deliveries deliveries, EventService events, Pages pages, Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.pages = pages;
        this.clock = clock;
    }

    @Get("/kegiatan/{id}/surel")
    HttpResponse<?> event(long id, HttpRequest<?> request, Authentication auth) {
        List<Enrolment> peserta = deliveries.peserta(id);
        Map<Long, String> names = peserta.stream().collect(Collectors.toMap(Enrolment::participantId, Enrolment::printedName, (a, b) -> a));
        Map<String, Object> model = pages.model(request, auth);
        model.put("event", events.get(id));
        model.put("mailOff", !deliveries.enabled());
        model.put("mail", deliveries.progress(id));
        model.put("messages", deliveries.lines(deliveries.forEvent(id, peserta), names));
        model.put("manual", deliveries.manual(id, peserta));
        model.put("resent", request.getParameters().contains("dikirim"));
        model.put("from", "kegiatan");
        return HttpResponse.ok(new ModelAndView<>("surel", model));
    }

    /** New invitation links for the people no email reaches, shown once (as every invitation list) with a copy button each and a CSV. */
    @Post(value = "/kegiatan/{id}/surel/manual", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> manual(long id, HttpRequest<?> request, Authentication auth) {
        List<Invitations.Sent> sent = deliveries.inviteManual(id, auth.getName());
        Map<String, Object> model = pages.model(request, auth);
        PageText t = (PageText) model.get("t");
        model.put("sent", sent);
        model.put("back", "/kegiatan/" + id + "/surel");
        model.put("expires", sent.isEmpty() ? "" : Bahasa.timestampWithZone(sent.get(0).expiresAt(), clock.getZone()));
        model.put("csv", sent.isEmpty() ? "" : csv(sent, id, t));
        model.put("csvHint", t.get("mail.manual.csvHint"));
        return HttpResponse.ok(new ModelAndView<>("undangan-daftar", model));
    }

    /** Resend one message; back to the page the button was on (the person's or the event's delivery list). */
    @Post(value = "/surel/{id}/kirim-ulang", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resend(long id, @Body @Nullable Map<String, String> form, Authentication auth) {
        OutboxMessage m = deliveries.resend(id, auth.getName());
        boolean toPerson = m.eventId() == null || form != null && "peserta".equals(form.get("dari"));
        return HttpResponse.seeOther(URI.create(toPerson ? "/peserta/" + m.participantId() + "?dikirim=1#surel"
                : "/kegiatan/" + m.eventId() + "/surel?dikirim=1"));
    }

    /**
     * The new links as a CSV (name, NIP or NIK, phone, link, expiry) for a WhatsApp broadcast, as a
     * {@code data:} link in the same page: only the links' hashes are stored, so they exist in clear in
     * this response only.
     */
    private String csv(List<Invitations.Sent> sent, long eventId, PageText t) {
        Map<Long, Deliveries.Manual> people = deliveries.manual(eventId, deliveries.peserta(eventId)).stream()
                .collect(Collectors.toMap(Deliveries.Manual::participantId, m -> m, (a, b) -> a));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TableWriter.csv(List.of(t.get("participants.name"), "NIP/NIK", t.get("field.phone"), t.get("invite.link"), t.get("invite.expires")),
                    sent.stream().map(s -> {
                        Deliveries.Manual m = people.get(s.participantId());
                        String identity = m == null || m.nip() == null && m.nik() == null ? "" : m.nip() != null ? m.nip() : m.nik();
                        return List.<Object>of(s.name(), identity, m == null || m.phone() == null ? "" : m.phone(), s.url(),
                                Bahasa.timestampWithZone(s.expiresAt(), clock.getZone()));
                    }).toList(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:text/csv;charset=utf-8;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
