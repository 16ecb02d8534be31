package id.piagam.verification;

import id.piagam.account.WebSessions;
import id.piagam.agency.Agency;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import id.piagam.web.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public verification page ({@code verifikasi.html}) in the reader's language: the certificate's
 * state in words, what it certifies, who vouches for it (the event's organiser and the agency), and
 * a form to check a PDF file. The form carries a token like every page form ({@code account/CsrfFilter}):
 * the session's for a signed-in reader, else the double-submit form cookie set here, as on the
 * sign-in page.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class VerificationPage {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final VerificationService service;
    private final Pages pages;
    private final Agency agency;
    private final WebSessions sessions;

    VerificationPage(VerificationService service, Pages pages, Agency agency, WebSessions sessions) {
        this.service = service;
        this.pages = pages;
        this.agency = agency;
        this.sessions = sessions;
    }

    /** The page the QR code opens: the certificate's state, what it certifies, who vouches for it, and the upload form. */
    @Get(value = "/verify/{code}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(String code, HttpRequest<?> request, @Nullable Authentication auth) {
        VerificationView v = service.byCode(code);
        return render(request, auth, v.found() ? HttpStatus.OK : HttpStatus.NOT_FOUND, v, false, null);
    }

    /** The page without a code: only the form to check a PDF. */
    @Get(value = "/verify", produces = MediaType.TEXT_HTML)
    HttpResponse<?> form(HttpRequest<?> request, @Nullable Authentication auth) {
        return render(request, auth, HttpStatus.OK, null, false, null);
    }

    /**
     * A PDF uploaded from the page, checked as {@code POST /api/verify} checks it; the answer is the page
     * (genuine, revoked, replaced, or not issued here), or the form with the problem at the file field.
     */
    @Post(value = "/verify", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    HttpResponse<?> checkUpload(@Nullable CompletedFileUpload file, HttpRequest<?> request, @Nullable Authentication auth) throws IOException {
        byte[] bytes = file == null || file.getFilename() == null || file.getFilename().isBlank() ? null : file.getBytes();
        if (bytes == null || bytes.length == 0) {
            return render(request, auth, HttpStatus.BAD_REQUEST, null, true, FieldProblem.of("file", "verify.page.noFile"));
        }
        FieldProblem problem = VerificationController.pdfProblem(bytes);
        if (problem != null) {
            return render(request, auth, HttpStatus.BAD_REQUEST, null, true, problem);
        }
        return render(request, auth, HttpStatus.OK, service.byPdf(bytes), true, null);
    }

    /** A file over the upload limit ({@code micronaut.server.multipart.max-file-size}): the form again, with the limit at its field. */
    @Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        return render(request, auth, HttpStatus.REQUEST_ENTITY_TOO_LARGE, null, true, FieldProblem.of("file", "verify.page.tooLarge"));
    }

    /**
     * @param v        the certificate found (or not); null when no check was asked for yet
     * @param uploaded whether the answer is about an uploaded file rather than a code
     * @param problem  what was wrong with the upload, shown at the file field
     */
    private MutableHttpResponse<?> render(HttpRequest<?> request, @Nullable Authentication auth, HttpStatus status, @Nullable VerificationView v,
                                  boolean uploaded, @Nullable FieldProblem problem) {
        Locale locale = pages.locale(request);
        Map<String, Object> model = pages.model(request, auth);
        String formToken = null;
        if (model.get("csrf") == null) {
            formToken = request.getCookies().findCookie(WebSessions.FORM_COOKIE).map(Cookie::getValue).orElseGet(WebSessions::random);
            model.put("csrf", formToken);
        }
        model.put("v", v);
        model.put("uploaded", uploaded);
        model.put("errors", problem == null ? Map.of() : pages.fieldErrors(request, List.of(problem)));
        model.put("agencyName", agency.name());
        model.put("agencyAddress", agency.address().lines().toList());
        model.put("agencyLogo", agency.logo().map(Agency.Logo::dataUri).orElse(null));
        if (v != null && v.found()) {
            model.put("numberParts", numberParts(v.number()));
            model.put("issuedOn", v.issuedOn() == null ? null : Bahasa.longDate(v.issuedOn(), locale));
            // the document's dates as it words them; for an English reader in English, as the other dates here
            model.put("eventDates", !"en".equals(locale.getLanguage()) || v.eventStart() == null || v.eventEnd() == null ? v.eventDates()
                    : Bahasa.dateRange(v.eventStart(), v.eventEnd(), locale));
            model.put("expiresOn", v.expiresOn() == null ? null : Bahasa.longDate(v.expiresOn(), locale));
            model.put("revokedOn", v.revokedAt() == null ? null : Bahasa.longDate(v.revokedAt().atZone(JAKARTA).toLocalDate(), locale));
            VerificationView.SignatureView sig = v.signature();
            model.put("signedOn", sig == null || sig.signedAt() == null ? null : Bahasa.longDate(sig.signedAt().atZone(JAKARTA).toLocalDate(), locale)
                    + " " + DateTimeFormatter.ofPattern("HH:mm").format(sig.signedAt().atZone(JAKARTA)) + " WIB");
            model.put("signerValidity", sig == null ? null : Bahasa.longDate(sig.validFrom().atZone(JAKARTA).toLocalDate(), locale) + " – "
                    + Bahasa.longDate(sig.validUntil().atZone(JAKARTA).toLocalDate(), locale));
            // "8 (delapan)" as the certificate words it; a number for an English reader
            model.put("jp", v.jp() == null ? null : "en".equals(locale.getLanguage()) ? v.jp().toString() : Bahasa.withWords(v.jp()));
        }
        MutableHttpResponse<?> response = HttpResponse.status(status).body(new ModelAndView<>("verifikasi", model));
        return formToken == null ? response : response.cookie(sessions.formCookie(formToken));
    }

    /**
     * The number in pieces that each end after a "/", so that on a narrow screen it wraps only there
     * ("800.2.4.2/ 0001/ BPSDM/ 2026"), never inside a piece ("BPS DM").
     */
    static List<String> numberParts(@Nullable String number) {
        List<String> parts = new ArrayList<>();
        if (number == null) {
            return parts;
        }
        int from = 0;
        for (int slash = number.indexOf('/'); slash >= 0; slash = number.indexOf('/', from)) {
            parts.add(number.substring(from, slash + 1));
            from = slash + 1;
        }
        if (from < number.length()) {
            parts.add(number.substring(from));
        }
        return parts;
    }
}
