package id.piagam.web;

import id.piagam.persistence.StorageFault;
import id.piagam.rules.DomainRefusal;
import id.piagam.validation.FieldProblem;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Any;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one place that turns refusals and failures into problem documents (or pages, for a browser): a
 * {@link DomainRefusal} from a rule or service gets the status of its kind.
 */
@Singleton
public class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    static final MediaType PROBLEM_JSON = MediaType.of(Problem.CONTENT_TYPE);

    private final Messages messages;

    /** Read lazily: the features saying something during an outage sit above this package. */
    private final Supplier<Stream<OutageNote>> outageNotes;

    @Inject
    ProblemResponses(Messages messages, @Any BeanProvider<OutageNote> outageNotes) {
        this.outageNotes = outageNotes::stream;
        this.messages = messages;
    }

    /** Without any feature's outage notes (unit tests of the mapping). */
    ProblemResponses(Messages messages) {
        this.outageNotes = Stream::empty;
        this.messages = messages;
    }

    /** The status of each kind of refusal: the one mapping from the domain's refusals to HTTP. */
    public static HttpStatus status(DomainRefusal e) {
        if (e instanceof ProblemException p) {
            return p.status();
        }
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The kind a status raised by the web layer stands for (any other refusal counts as a refused rule). */
    static DomainRefusal.Kind kind(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> DomainRefusal.Kind.INVALID;
            case FORBIDDEN -> DomainRefusal.Kind.FORBIDDEN;
            case NOT_FOUND -> DomainRefusal.Kind.NOT_FOUND;
            case CONFLICT -> DomainRefusal.Kind.CONFLICT;
            case GONE -> DomainRefusal.Kind.GONE;
            case SERVICE_UNAVAILABLE -> DomainRefusal.Kind.UNAVAILABLE;
            default -> DomainRefusal.Kind.REFUSED;
        };
    }

    public Problem problem(HttpRequest<?> request, DomainRefusal e) {
        Locale locale = messages.locale(request);
        List<Problem.FieldError> errors = e.fields().isEmpty() ? null
                : e.fields().stream().map(f -> messages.fieldError(locale, f)).toList();
        List<Object> args = e.detailArgs().stream()
                .map(a -> a instanceof String s && s.startsWith("entity.") ? messages.get(locale, s, List.of()) : a).toList();
        return new Problem(Problem.TYPE_BASE + e.type(), messages.get(locale, "title." + e.type(), List.of()),
                status(e).getCode(), messages.get(locale, e.detailCode(), args), errors, e.existingId(), null);
    }

    public MutableHttpResponse<?> respond(HttpRequest<?> request, DomainRefusal e) {
        return respond(request, problem(request, e));
    }

    /**
     * The problem as a browser or an API client wants it: a page (with the reference of a 5xx) for a
     * browser on a page address, a problem document for everyone else.
     */
    public MutableHttpResponse<?> respond(HttpRequest<?> request, Problem problem) {
        if (!wantsPage(request)) {
            return respond(problem);
        }
        Locale locale = messages.locale(request);
        // a form too large to read: say that nothing was saved and that the input waits behind the Back button
        String detail = problem.status() == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()
                ? messages.get(locale, "problem.page.tooLarge", List.of()) : problem.detail();
        // a page read while the database is out of reach reloads itself, so it shows the page once the database is back
        boolean reloads = problem.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode() && request.getMethod() == HttpMethod.GET;
        String body = "<p role=\"alert\">" + Html.escape(detail) + "</p>"
                + (problem.reference() == null ? "" : "<p>" + Html.escape(messages.get(locale, "page.reference", List.of(problem.reference())))
                + "</p>")
                + (reloads ? "<p>" + Html.escape(messages.get(locale, "page.outage.refresh", List.of())) + "</p>" : "")
                + "<p><a href=\"/\">" + Html.escape(messages.get(locale, "nav.home", List.of())) + "</a></p>";
        return HttpResponse.status(HttpStatus.valueOf(problem.status()))
                .body(reloads ? Html.page(problem.title(), body, Integer.parseInt(RETRY_AFTER_SECONDS)) : Html.page(problem.title(), body))
                .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8");
    }

    /** A browser asking for a page: HTML accepted, and not an API, sign-in or verification-JSON address. */
    static boolean wantsPage(HttpRequest<?> request) {
        if (request == null) {
            return false;
        }
        String path = request.getPath();
        if (path.startsWith("/api/") || path.equals("/login") || path.startsWith("/swagger")) {
            return false;
        }
        return request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals(MediaType.TEXT_HTML));
    }

    public MutableHttpResponse<?> invalid(HttpRequest<?> request, List<FieldProblem> fields) {
        return respond(request, DomainRefusal.invalid(fields));
    }

    /** A message in the requester's language. */
    public String text(HttpRequest<?> request, String code, Object... args) {
        return messages.get(messages.locale(request), code, List.of(args));
    }

    /** A problem for a status with no more specific cause (unknown route, auth, malformed body). */
    public Problem generic(HttpRequest<?> request, HttpStatus status, String detailCode) {
        Locale locale = messages.locale(request);
        String slug = switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            case BAD_REQUEST -> "bad-request";
            default -> status.getCode() >= 500 ? "server-error" : "http-" + status.getCode();
        };
        String title = messages.find(locale, "title." + slug).orElse(status.getReason());
        return new Problem(Problem.TYPE_BASE + slug, title, status.getCode(), messages.find(locale, detailCode).orElse(title),
                null, null, null);
    }

    /**
     * A failure of the storage (disk full, database read-only or unreachable) as a 503 that says which,
     * and that nothing saved is lost; empty for any other error.
     */
    public Optional<Problem> storageFault(HttpRequest<?> request, Throwable cause) {
        return StorageFault.of(cause).map(fault -> {
            String slug = "storage-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
            LOG.warn("Storage fault {} on {} {}: {}", fault, request == null ? "-" : request.getMethodName(),
                    request == null ? "-" : request.getPath(), cause.toString());
            Locale locale = messages.locale(request);
            StringBuilder detail = new StringBuilder(messages.get(locale, "problem." + slug, List.of()));
            if (fault == StorageFault.UNAVAILABLE) {
                outageNotes.get().flatMap(n -> n.whileDatabaseUnavailable(locale).stream()).forEach(n -> detail.append(' ').append(n));
            }
            return new Problem(Problem.TYPE_BASE + slug, messages.get(locale, "title." + slug, List.of()), 503,
                    detail.toString(), null, null, null);
        });
    }

    /** Seconds a client should wait before retrying after a storage fault. */
    public static final String RETRY_AFTER_SECONDS = "30";

    /** A 500 that shows a reference to the log entry, never the exception. */
    public Problem serverError(HttpRequest<?> request, Throwable cause) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unhandled error, reference {} on {} {}", reference,
                request == null ? "-" : request.getMethodName(), request == null ? "-" : request.getPath(), cause);
        Locale locale = messages.locale(request);
        return new Problem(Problem.TYPE_BASE + "server-error", messages.get(locale, "title.server-error", List.of()), 500,
                messages.get(locale, "problem.serverError", List.of(reference)), null, null, reference);
    }

    public MutableHttpResponse<Problem> respond(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status())).body(problem).contentType(PROBLEM_JSON);
    }
}
