package id.piagam.certificate;

import id.piagam.participant.Category;
import id.piagam.security.Roles;
import id.piagam.assessment.GradeBand;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.numbering.DocumentSeries;
import id.piagam.numbering.NumberSequence;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.programme.EventView;
import id.piagam.rules.Reason;
import id.piagam.text.Bahasa;
import id.piagam.web.Messages;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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

    /** A number series of the event's documents: the pattern in use, and whether it is the default (the event set none). */
    record Series(DocumentSeries series, String pattern, boolean standard) {
    }

    /** A session as the event page lists it: its date in the reader's language, its time, topic, JP and facilitator. */
    record SessionLine(String date, String time, String topic, int jp, String facilitator) {
    }

    /** Someone the bulk job skipped or failed, with the reason in the reader's language. */
    record JobProblem(Long participantId, String name, String identity, CertificateJobItem.Outcome outcome, String reason) {
    }

    private final EventService events;
    private final EligibilityService eligibility;
    private final CertificateRepository certificates;
    private final CertificateJobs jobs;
    private final Pages pages;
    private final MailProgress mail;
    private final NumberSequence numbers;

    EventCertificatesPage(EventService events, EligibilityService eligibility, CertificateRepository certificates, CertificateJobs jobs,
                          Pages pages, MailProgress mail, NumberSequence numbers) {
        this.numbers = numbers;
        this.mail = mail;
        this.events = events;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.jobs = jobs;
        this.pages = pages;
    }

    @Get("/{id}")
    HttpResponse<?> page(long id, @Nullable @QueryValue Long job, HttpRequest<?> request, Authentication auth) {
        Event e = events.get(id);
        Locale reader = pages.locale(request);
        Map<Long, Certificate> valid = certificates.findByEventIdOrderByNumber(id).stream()
                .filter(c -> c.status() == CertificateStatus.VALID).collect(Collectors.toMap(Certificate::enrolmentId, Function.identity()));
        List<Line> lines = eligibility.forEvent(e).stream().map(o -> new Line(o.enrolment().participantId(), o.enrolment().printedName(),
                Category.numberLine(o.enrolment().nip(), o.enrolment().category(), o.enrolment().nik()), o.enrolment().role().name(),
                o.enrolment().role() == EnrolmentRole.PESERTA ? Messages.decimal2(reader, o.attendance().percent()) + "%" : "\u2013",
                o.assessment() == null ? "" : o.assessment().finalScore().map(v -> Messages.decimal2(reader, v)).orElse("-"),
                o.assessment() == null ? "" : o.assessment().band().map(GradeBand::label).orElse(""),
                o.decision().eligible(), o.decision().kind().map(Enum::name).orElse(""), pages.reasons(request, besideTheTag(o.decision())),
                valid.get(o.enrolment().id()), o.enrolment().panitiaFunction() == null ? null : o.enrolment().panitiaFunction().name()))
                .sorted(Bahasa.byName(Line::name)).toList(); // as the attendance and score pages list them ("dr. Ratna" under D)
        Map<String, Object> model = pages.model(request, auth);
        model.put("event", e);
        model.put("saved", request.getParameters().contains("tersimpan"));
        model.put("dates", Bahasa.dateRange(e.startDate(), e.endDate(), reader));
        EventView programme = events.view(e);
        model.put("totalJp", programme.totalJp());
        model.put("programme", programme);
        model.put("sessions", programme.sessions().stream().map(x -> new SessionLine(Bahasa.longDate(x.date(), reader),
                x.startTime() == null ? "" : x.startTime() + (x.endTime() == null ? "" : "\u2013" + x.endTime()), x.topic(), x.jp(),
                x.facilitator() == null ? "" : x.facilitator())).toList());
        model.put("components", programme.components() == null ? List.of() : programme.components().stream()
                .map(x -> x.name() + " " + Messages.decimal(reader, x.weight()) + "%").toList());
        model.put("threshold", Messages.decimal(reader, e.minAttendancePercent()) + "%");
        model.put("passMark", e.passMark() == null ? null : Messages.decimal(reader, e.passMark()));
        model.put("lines", lines);
        model.put("series", series(e));
        model.put("eligibleCount", lines.stream().filter(Line::eligible).count());
        model.put("issuedCount", valid.size());
        CertificateJob running = job == null ? null : jobs.get(job);
        boolean ours = running != null && running.eventId().equals(id);
        model.put("job", ours ? running : null);
        model.put("jobProblems", ours ? problems(running, lines, request) : List.of());
        mail.put(model, id);
        return HttpResponse.ok(new ModelAndView<>("kegiatan", model));
    }

    /**
     * Who the job skipped or failed and why, so the secretariat can act on each (the counts alone do
     * not say who); an item stored before reasons had codes shows its text as stored.
     */
    private List<JobProblem> problems(CertificateJob job, List<Line> lines, HttpRequest<?> request) {
        Map<Long, Line> byParticipant = lines.stream().collect(Collectors.toMap(Line::participantId, Function.identity(), (a, b) -> a));
        return jobs.items(job.id()).stream().filter(i -> i.outcome() != CertificateJobItem.Outcome.ISSUED).map(i -> {
            Line line = byParticipant.get(i.participantId());
            String reason = jobs.reason(i).map(r -> pages.reasons(request, List.of(r))).orElse(i.reason() == null ? "" : i.reason());
            return new JobProblem(i.participantId(), line == null ? "#" + i.participantId() : line.name(),
                    line == null ? "" : line.identity(), i.outcome(), reason);
        }).toList();
    }

    /** Each series the event's documents are numbered in: its own pattern, else the default. */
    private List<Series> series(Event e) {
        Map<DocumentSeries, String> defaults = numbers.defaults();
        Map<DocumentSeries, String> own = new EnumMap<>(DocumentSeries.class);
        own.put(DocumentSeries.PESERTA, e.numberPattern());
        own.put(DocumentSeries.NARASUMBER, e.narasumberNumberPattern());
        own.put(DocumentSeries.MODERATOR, e.moderatorNumberPattern());
        own.put(DocumentSeries.PANITIA, e.panitiaNumberPattern());
        return Arrays.stream(DocumentSeries.values())
                .map(d -> new Series(d, own.get(d) == null ? defaults.get(d) : own.get(d), own.get(d) == null)).toList();
    }

    /** The reasons printed beside the document's tag: "attendance letter only" would say again what the tag says. */
    private static List<Reason> besideTheTag(EligibilityPolicy.Decision d) {
        return d.eligible() ? d.reasons().stream().filter(r -> !EligibilityPolicy.LETTER_ONLY.equals(r.code())).toList() : d.reasons();
    }

    /** Starts issuing for everyone eligible; the page then follows the job's progress. */
    @Post(value = "/{id}/terbitkan", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issueAll(long id, Authentication auth) {
        CertificateJob job = jobs.start(id, auth.getName());
        return HttpResponse.seeOther(URI.create("/kegiatan/" + id + "?job=" + job.id()));
    }
}
