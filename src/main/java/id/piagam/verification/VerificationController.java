package id.piagam.verification;

import id.piagam.rules.DomainRefusal;
import id.piagam.validation.FieldProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;

/** Public verification for programs: JSON by code, and a check of a PDF's bytes (the page is {@link VerificationPage}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Verification")
class VerificationController {

    /**
     * The same cap as any uploaded file ({@code micronaut.server.multipart.max-file-size}), so the API and the page
     * refuse the same PDFs; an issued certificate is well under 1 MB.
     */
    static final int MAX_PDF_BYTES = 5 * 1024 * 1024;

    private final VerificationService service;

    VerificationController(VerificationService service) {
        this.service = service;
    }

    @Get("/api/verify/{code}")
    HttpResponse<VerificationView> json(String code) {
        VerificationView v = service.byCode(code);
        return v.found() ? HttpResponse.ok(v) : HttpResponse.<VerificationView>status(HttpStatus.NOT_FOUND).body(v);
    }

    /** Send the PDF as the body ({@code application/pdf}); answers whether it is a certificate issued here, unaltered. */
    @Post(value = "/api/verify", consumes = MediaType.APPLICATION_PDF)
    VerificationView pdf(@Body byte[] pdf) {
        return service.byPdf(requirePdf(pdf));
    }

    /** The same check with a form upload (field {@code file}). */
    @Post(value = "/api/verify", consumes = MediaType.MULTIPART_FORM_DATA)
    VerificationView upload(CompletedFileUpload file) throws IOException {
        return service.byPdf(requirePdf(file.getBytes()));
    }

    private static byte[] requirePdf(byte[] bytes) {
        FieldProblem problem = pdfProblem(bytes);
        if (problem != null) {
            throw DomainRefusal.invalid(problem);
        }
        return bytes;
    }

    /** What is wrong with an upload that should be a PDF, or null. */
    static @Nullable FieldProblem pdfProblem(byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != '%' || bytes[1] != 'P' || bytes[2] != 'D' || bytes[3] != 'F') {
            return FieldProblem.of("file", "verify.notPdf");
        }
        if (bytes.length > MAX_PDF_BYTES) {
            return FieldProblem.of("file", "verify.tooLarge");
        }
        return null;
    }
}
