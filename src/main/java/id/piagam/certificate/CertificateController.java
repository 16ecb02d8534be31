package id.piagam.certificate;

import id.piagam.programme.EventService;
import id.piagam.rules.DomainRefusal;
import id.piagam.validation.FieldProblem;
import id.piagam.security.Roles;
import id.piagam.rendering.PdfMerger;
import id.piagam.web.DownloadStreams;
import id.piagam.web.Downloads;
import id.piagam.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

@Controller
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Certificates")
class CertificateController {

    private final CertificateService service;
    private final CertificateJobs jobs;
    private final CertificateRepository certificates;
    private final CertificatePdfRepository pdfs;
    private final AuditRepository audit;
    private final EventService events;
    private final DownloadStreams streams;
    private final VerifyLinks links;
    private final Messages messages;

    CertificateController(CertificateService service, CertificateJobs jobs, CertificateRepository certificates,
                          CertificatePdfRepository pdfs, AuditRepository audit, EventService events,
                          DownloadStreams streams, VerifyLinks links, Messages messages) {
        this.links = links;
        this.service = service;
        this.jobs = jobs;
        this.certificates = certificates;
        this.pdfs = pdfs;
        this.audit = audit;
        this.events = events;
        this.streams = streams;
        this.messages = messages;
    }

    private CertificateViews.CertificateView view(Certificate c) {
        return CertificateViews.CertificateView.of(c, links.verifyUrl(c.verificationCode()));
    }

    /** Issues for all eligible participants of the event in the background: 202 with the job to follow. */
    @Post("/api/events/{eventId}/certificates")
    HttpResponse<CertificateViews.JobView> issueAll(long eventId, Authentication auth) {
        CertificateJob job = jobs.start(eventId, auth.getName());
        return HttpResponse.accepted(URI.create("/api/jobs/" + job.id())).body(jobView(job, false, null));
    }

    /**
     * The job's progress. While the database cannot be reached (a restart), the 503 names the jobs this instance
     * holds and says that they wait for the database and go on by themselves ({@link JobsWaitingNote}).
     * {@code ?items=none} is the cheap form for following progress: the counts without reading and writing every
     * item so far (a client polling a job of 1,000 every 50 ms otherwise fetched up to 1,000 items each time).
     */
    @Get("/api/jobs/{jobId}")
    CertificateViews.JobView job(long jobId, @Nullable @QueryValue String items, HttpRequest<?> request) {
        boolean withItems = items == null || items.equals("all");
        if (!withItems && !items.equals("none")) {
            throw DomainRefusal.invalid(FieldProblem.of("items", "value.choice", "all, none"));
        }
        return jobView(jobs.get(jobId), withItems, messages.locale(request));
    }

    private CertificateViews.JobView jobView(CertificateJob job, boolean withItems, Locale locale) {
        List<CertificateViews.ItemView> items = withItems ? jobs.items(job.id()).stream()
                .map(i -> itemView(i, locale)).toList() : List.of();
        return new CertificateViews.JobView(job.id(), job.eventId(), job.status(), job.total(), job.issued(), job.skipped(), job.failed(),
                job.createdAt(), job.finishedAt(), items);
    }

    /** An item's reason in the reader's language (an item stored before reasons had codes: its text as stored). */
    private CertificateViews.ItemView itemView(CertificateJobItem item, Locale locale) {
        return jobs.reason(item).map(r -> new CertificateViews.ItemView(item.participantId(), item.outcome(), messages.text(locale, r),
                        CertificateViews.ReasonCode.of(r), item.certificateId()))
                .orElseGet(() -> new CertificateViews.ItemView(item.participantId(), item.outcome(), item.reason(), null, item.certificateId()));
    }

    /** Issues one participant's certificate; idempotent: 201 when created, 200 with the one already issued. */
    @Post("/api/events/{eventId}/enrolments/{participantId}/certificate")
    HttpResponse<CertificateViews.CertificateView> issueOne(long eventId, long participantId,
                                                            @Nullable @Body @Valid CertificateViews.IssueRequest request,
                                                            Authentication auth) {
        CertificateService.Issued issued = service.issue(eventId, participantId, request == null ? null : request.kind(), auth.getName());
        CertificateViews.CertificateView body = view(issued.certificate());
        return issued.created() ? HttpResponse.created(body, URI.create("/api/certificates/" + body.id())) : HttpResponse.ok(body);
    }

    @Get("/api/events/{eventId}/certificates")
    List<CertificateViews.CertificateView> list(long eventId) {
        events.get(eventId);
        return certificates.findByEventIdOrderByNumber(eventId).stream().map(this::view).toList();
    }

    @Get("/api/certificates/{id}")
    CertificateViews.CertificateView get(long id) {
        return view(service.get(id));
    }

    @Get("/api/certificates/{id}/audit")
    List<CertificateViews.AuditView> audit(long id) {
        service.get(id);
        return audit.findByCertificateIdOrderById(id).stream()
                .map(a -> new CertificateViews.AuditView(a.at(), a.actor(), a.action(), a.detail())).toList();
    }

    /** The stored PDF, byte for byte as issued. */
    @Get(value = "/api/certificates/{id}/pdf", produces = MediaType.APPLICATION_PDF)
    HttpResponse<byte[]> pdf(long id) {
        Certificate c = service.get(id);
        byte[] bytes = pdfs.find(c).orElseThrow().bytes();
        return HttpResponse.ok(bytes).contentType(MediaType.APPLICATION_PDF_TYPE)
                .header("Content-Disposition", Downloads.attachment(Downloads.certificateFileName(c.holderName(), c.number())));
    }

    @Post("/api/certificates/{id}/revoke")
    @Secured(Roles.ADMIN)
    CertificateViews.CertificateView revoke(long id, @Body @Valid CertificateViews.RevokeRequest request, Authentication auth) {
        return view(service.revoke(id, request.reason(), auth.getName()));
    }

    /** A correction: a new certificate supersedes this one (both linked). */
    @Post("/api/certificates/{id}/reissue")
    @Secured(Roles.ADMIN)
    HttpResponse<CertificateViews.CertificateView> reissue(long id, @Nullable @Body @Valid CertificateViews.ReissueRequest request,
                                                           Authentication auth) {
        Certificate fresh = service.reissue(id, request == null ? null : request.reason(), auth.getName());
        return HttpResponse.created(view(fresh), URI.create("/api/certificates/" + fresh.id()));
    }

    /** Every valid certificate of the event in one ZIP, streamed as it is written. */
    @Get(value = "/api/events/{eventId}/certificates.zip", produces = "application/zip")
    HttpResponse<StreamedFile> zip(long eventId) {
        String code = events.get(eventId).code();
        List<Long> ids = certificates.findValidIdsByEventId(eventId);
        StreamedFile file = new StreamedFile(streams.stream(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                Set<String> names = new HashSet<>();
                for (Long id : ids) {
                    Certificate c = certificates.findById(id).orElseThrow();
                    String name = Downloads.certificateFileName(c.holderName(), c.number());
                    if (!names.add(name)) {
                        name = name.replace(".pdf", "-" + c.id() + ".pdf");
                    }
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(pdfs.find(c).orElseThrow().bytes());
                    zip.closeEntry();
                }
            }
        }), MediaType.of("application/zip"));
        return HttpResponse.ok(file).header("Content-Disposition",
                Downloads.attachment("sertifikat-" + (code == null ? "kegiatan-" + eventId : Downloads.slug(code)) + ".zip"));
    }

    /** Every valid certificate of the event merged into one PDF for printing. */
    @Get(value = "/api/events/{eventId}/certificates.pdf", produces = MediaType.APPLICATION_PDF)
    HttpResponse<StreamedFile> merged(long eventId) {
        String code = events.get(eventId).code();
        List<Long> ids = certificates.findValidIdsByEventId(eventId);
        StreamedFile file = new StreamedFile(streams.stream(out -> {
            Iterator<Long> it = ids.iterator();
            PdfMerger.merge(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public byte[] next() {
                    return pdfs.findById(it.next()).orElseThrow().bytes();
                }
            }, out);
        }), MediaType.APPLICATION_PDF_TYPE);
        return HttpResponse.ok(file).header("Content-Disposition",
                Downloads.attachment("cetak-" + (code == null ? "kegiatan-" + eventId : Downloads.slug(code)) + ".pdf"));
    }
}
