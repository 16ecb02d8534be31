package id.piagam.certificate;

import id.piagam.security.Roles;
import id.piagam.assessment.GradeBand;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.text.Bahasa;
import id.piagam.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An event as the secretariat issues it: each participant's attendance, result and eligibility (or
 * the reasons why not), the certificates issued, "issue all" with its progress, and the downloads.
 */
@Controller("/kegiatan")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class EventCertificatesPage {

    /** One participant's line. */
    record Line(Long participantId, String name, String identity, String role, String attendance, String finalScore, String kualifikasi,
                boolean eligible, String kind, String reasons, Certificate certificate, String function) {
    }

    private final EventService events;
    private final EligibilityService eligibility;
    private final CertificateRepository certificates;
    private final CertificateJobs jobs;
    private final Pages pages;

    EventCertificatesPage(EventService events, EligibilityService eligibility, CertificateRepository certificates, CertificateJobs jobs,
                          Pages pages) {
        this.events = events;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.jobs = jobs;
        this.pages = pages;
    }

    @Get("/{id}")
    HttpResponse<?> page(long id, @Nullable @QueryValue Long job, HttpRequest<?> request, Authentication auth) {
        Event e = events.get(id);
        Map<Long, Certificate> valid = certificates.findByEventIdOrderByNumber(id).stream()
                .filter(c -> c.status() == CertificateStatus.VALID).collect(Collectors.toMap(Certificate::enrolmentId, Function.identity()));
        List<Line> lines = eligibility.forEvent(e).stream().map(o -> new Line(o.enrolment().participantId(), o.enrolment().printedName(),
                identity(o.enrolment().nip(), o.enrolment().nik()), o.enrolment().role().name(), Bahasa.decimal2(o.attendance().percent()) + "%",
                o.assessment() == null ? "" : o.assessment().finalScore().map(Bahasa::decimal2).orElse("-"),
                o.assessment() == null ? "" : o.assessment().band().map(GradeBand::label).orElse(""),
                o.decision().eligible(), o.decision().kind().map(Enum::name).orElse(""), pages.reasons(request, o.decision().reasons()),
                valid.get(o.enrolment().id()), o.enrolment().panitiaFunction() == null ? null : o.enrolment().panitiaFunction().name())).toList();
        Map<String, Object> model = pages.model(request, auth);
        model.put("event", e);
        model.put("saved", request.getParameters().contains("tersimpan"));
        model.put("dates", Bahasa.dateRange(e.startDate(), e.endDate(), pages.locale(request)));
        model.put("totalJp", events.view(e).totalJp());
        model.put("threshold", Bahasa.decimal(e.minAttendancePercent()) + "%");
        model.put("passMark", e.passMark() == null ? null : Bahasa.decimal(e.passMark()));
        model.put("lines", lines);
        model.put("eligibleCount", lines.stream().filter(Line::eligible).count());
        model.put("issuedCount", valid.size());
        CertificateJob running = job == null ? null : jobs.get(job);
        model.put("job", running != null && running.eventId().equals(id) ? running : null);
        return HttpResponse.ok(new ModelAndView<>("kegiatan", model));
    }

    /** The number a secretary tells people apart by: the NIP, else the NIK. */
    private static String identity(String nip, String nik) {
        return nip != null ? "NIP " + nip : nik != null ? "NIK " + nik : "";
    }

    /** Starts issuing for everyone eligible; the page then follows the job's progress. */
    @Post(value = "/{id}/terbitkan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issueAll(long id, Authentication auth) {
        CertificateJob job = jobs.start(id, auth.getName());
        return HttpResponse.seeOther(URI.create("/kegiatan/" + id + "?job=" + job.id()));
    }
}
