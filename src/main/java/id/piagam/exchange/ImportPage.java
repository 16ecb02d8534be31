package id.piagam.exchange;

import id.piagam.security.Roles;
import id.piagam.programme.Event;
import id.piagam.programme.EventService;
import id.piagam.web.Messages;
import id.piagam.web.Pages;
import id.piagam.rules.DomainRefusal;
import id.piagam.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Importing a participant list on a page: pick the file, see the preview (the column mapping, every
 * row with its status and reasons), then confirm. The file stays on the server between the two
 * steps, bound to the event and the user, for an hour at most; nothing is written until the user
 * confirms, and with errors only "import the valid rows" is offered.
 */
@Controller("/kegiatan/{eventId}/impor")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportPage {

    static final Duration KEPT_FOR = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventService events;
    private final ImportService imports;
    private final ImportUploadRepository uploads;
    private final Messages messages;
    private final Pages pages;
    private final Clock clock;

    ImportPage(EventService events, ImportService imports, ImportUploadRepository uploads, Messages messages, Pages pages, Clock clock) {
        this.events = events;
        this.imports = imports;
        this.uploads = uploads;
        this.messages = messages;
        this.pages = pages;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> pick(long eventId, HttpRequest<?> request, Authentication auth) {
        return HttpResponse.ok(view("impor", eventId, request, auth, Map.of()));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> preview(long eventId, @Nullable CompletedFileUpload file, HttpRequest<?> request,
                            Authentication auth) throws IOException {
        events.get(eventId);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
            return HttpResponse.badRequest(view("impor", eventId, request, auth, Map.of("errors", Map.of("file", pages.text(request, "import.noFile")))));
        }
        byte[] bytes = file.getBytes();
        ImportReport report;
        try {
            report = imports.preview(eventId, file.getFilename(), bytes, messages.locale(request));
        } catch (DomainRefusal e) {
            return HttpResponse.status(ProblemResponses.status(e)).body(view("impor", eventId, request, auth, Map.of("errors", fileErrors(request, e))));
        }
        uploads.deleteByCreatedAtLessThan(clock.instant().minus(KEPT_FOR));
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        uploads.save(new ImportUpload(token, eventId, auth.getName(), file.getFilename(), bytes, clock.instant()));
        return HttpResponse.ok(view("impor-pratinjau", eventId, request, auth, Map.of("report", report, "token", token)));
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(long eventId, String token, @Body Map<String, String> form, HttpRequest<?> request, Authentication auth) {
        ImportUpload upload = uploads.findById(token)
                .filter(u -> u.eventId() == eventId && u.username().equals(auth.getName()))
                .filter(u -> u.createdAt().isAfter(clock.instant().minus(KEPT_FOR)))
                .orElse(null);
        if (upload == null) {
            return HttpResponse.status(HttpStatus.GONE)
                    .body(view("impor", eventId, request, auth, Map.of("errors", Map.of("file", pages.text(request, "import.uploadGone")))));
        }
        ImportService.Mode mode = "VALID_ONLY".equals(form.get("mode")) ? ImportService.Mode.VALID_ONLY : ImportService.Mode.ALL;
        ImportReport report;
        try {
            report = imports.importFile(eventId, upload.fileName(), upload.content(), mode, "true".equals(form.get("updateKnown")),
                    messages.locale(request));
        } catch (DomainRefusal e) {
            ImportReport again = imports.preview(eventId, upload.fileName(), upload.content(), messages.locale(request));
            return HttpResponse.status(ProblemResponses.status(e)).body(view("impor-pratinjau", eventId, request, auth,
                    Map.of("report", again, "token", token, "refused", pages.text(request, "import.confirmRefused"))));
        }
        uploads.deleteById(token);
        return HttpResponse.ok(view("impor-pratinjau", eventId, request, auth, Map.of("report", report)));
    }

    private Map<String, String> fileErrors(HttpRequest<?> request, DomainRefusal e) {
        if (e.fields().isEmpty()) {
            return Map.of("file", pages.text(request, e.detailCode()));
        }
        return Map.of("file", String.join(" ", pages.fieldErrors(request, e.fields()).values()));
    }

    private ModelAndView<Map<String, Object>> view(String name, long eventId, HttpRequest<?> request, Authentication auth,
                                                   Map<String, Object> extra) {
        Event event = events.get(eventId);
        Map<String, Object> model = pages.model(request, auth);
        model.put("event", event);
        model.put("errors", Map.of());
        model.put("refused", null);
        model.put("token", null);
        model.putAll(new HashMap<>(extra));
        return new ModelAndView<>(name, model);
    }
}
