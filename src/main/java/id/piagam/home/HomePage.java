package id.piagam.home;

import id.piagam.programme.Event;
import id.piagam.programme.EventRepository;
import id.piagam.security.Roles;
import id.piagam.certificate.CertificateRepository;
import id.piagam.certificate.CertificateStatus;
import id.piagam.certificate.EligibilityService;
import id.piagam.certificate.EnrolmentOutcome;
import id.piagam.enrolment.Enrolment;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.mail.MailSettings;
import id.piagam.text.Bahasa;
import id.piagam.web.BaseUrl;
import id.piagam.web.Pages;
import id.piagam.signing.DocumentSigner;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.MediaType;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The secretariat's start page: current and recent events with their counts. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomePage {

    /** One line of the dashboard. */
    record Line(Long id, String kind, String title, String dates, long participants, long eligible, long issued) {
    }

    private final EventRepository events;
    private final EnrolmentRepository enrolments;
    private final EligibilityService eligibility;
    private final CertificateRepository certificates;
    private final Pages pages;
    private final BaseUrl baseUrl;
    private final DocumentSigner signer;
    private final MailSettings mail;

    HomePage(EventRepository events, EnrolmentRepository enrolments, EligibilityService eligibility, CertificateRepository certificates,
             Pages pages, BaseUrl baseUrl, DocumentSigner signer, MailSettings mail) {
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.signer = signer;
        this.events = events;
        this.enrolments = enrolments;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> home(HttpRequest<?> request, Authentication auth) {
        if (auth.getRoles().contains(Roles.PARTICIPANT)) {
            return HttpResponse.seeOther(URI.create("/saya"));
        }
        List<Event> recent = events.search(null, null, null, Pageable.from(0, 20)).getContent();
        // the eligibility of every enrolment of these events in one batch (one query per table, not per event)
        List<Enrolment> enrolled = recent.isEmpty() ? List.of() : enrolments.findByEventIdIn(recent.stream().map(Event::id).toList());
        Map<Long, List<EnrolmentOutcome>> byEvent = eligibility.outcomes(recent.stream().collect(Collectors.toMap(Event::id, e -> e)), enrolled)
                .values().stream().collect(Collectors.groupingBy(o -> o.event().id()));
        List<Line> lines = recent.stream().map(e -> {
            List<EnrolmentOutcome> outcomes = byEvent.getOrDefault(e.id(), List.of());
            return new Line(e.id(), e.kind().name(), e.title(), Bahasa.dateRange(e.startDate(), e.endDate(), pages.locale(request)), outcomes.size(),
                    outcomes.stream().filter(o -> o.decision().eligible()).count(),
                    certificates.countByEventIdAndStatus(e.id(), CertificateStatus.VALID));
        }).toList();
        Map<String, Object> model = pages.model(request, auth);
        model.put("events", lines);
        // administrators learn that certificates issued now carry an address that works on this machine only
        model.put("unsigned", auth.getRoles().contains(Roles.ADMIN) && !signer.enabled());
        model.put("mailOff", auth.getRoles().contains(Roles.ADMIN) && !mail.enabled());
        model.put("loopbackBase", auth.getRoles().contains(Roles.ADMIN) && baseUrl.isLoopback() ? baseUrl.get() : null);
        return HttpResponse.ok(new ModelAndView<>("beranda", model));
    }
}
