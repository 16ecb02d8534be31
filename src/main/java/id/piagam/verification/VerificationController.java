package id.piagam.verification;

import id.piagam.rules.DomainRefusal;
import id.piagam.text.Bahasa;
import id.piagam.validation.FieldProblem;
import id.piagam.web.Html;
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
import java.time.ZoneId;

/** Public verification: the page the QR code opens, its JSON twin, and a check of a PDF's bytes. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Verification")
class VerificationController {

    static final int MAX_PDF_BYTES = 10 * 1024 * 1024;

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
        if (bytes == null || bytes.length < 5 || bytes[0] != '%' || bytes[1] != 'P' || bytes[2] != 'D' || bytes[3] != 'F') {
            throw DomainRefusal.invalid(FieldProblem.of("file", "verify.notPdf"));
        }
        if (bytes.length > MAX_PDF_BYTES) {
            throw DomainRefusal.invalid(FieldProblem.of("file", "verify.tooLarge"));
        }
        return bytes;
    }

    @Get(value = "/verify/{code}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(String code) {
        VerificationView v = service.byCode(code);
        return HttpResponse.status(v.found() ? HttpStatus.OK : HttpStatus.NOT_FOUND).body(render(v))
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8");
    }

    private static String render(VerificationView v) {
        StringBuilder body = new StringBuilder();
        if (!v.found()) {
            body.append("<div class=\"badge bad\">Tidak ditemukan</div>")
                    .append("<p>Kode verifikasi ini tidak dikenal. Sertifikat dengan kode ini tidak pernah diterbitkan oleh sistem ini;"
                            + " periksa kembali tautan atau kode QR.</p>");
        } else {
            String[] badge = switch (v.status()) {
                case "VALID" -> new String[]{"ok", "Sah dan berlaku"};
                case "REVOKED" -> new String[]{"bad", "Dicabut" + (v.revokedAt() == null ? "" : " sejak "
                        + Bahasa.longDate(v.revokedAt().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate()))};
                case "SUPERSEDED" -> new String[]{"warn", "Diganti dengan sertifikat baru"};
                default -> new String[]{"warn", "Kedaluwarsa"};
            };
            body.append("<div class=\"badge ").append(badge[0]).append("\">").append(Html.escape(badge[1])).append("</div>");
            body.append("<dl>");
            row(body, "Dokumen", v.title());
            row(body, "Nomor", v.number());
            row(body, "Nama", v.holderName());
            row(body, "Kegiatan", v.eventTitle());
            row(body, "Tanggal", v.eventDates());
            row(body, "Jumlah JP", v.jp() == null ? "" : Bahasa.withWords(v.jp()) + " jam pelajaran");
            row(body, "Penyelenggara", v.organiser());
            row(body, "Diterbitkan", v.issuedOn() == null ? "" : Bahasa.longDate(v.issuedOn()));
            if (v.expiresOn() != null) {
                row(body, "Berlaku sampai", Bahasa.longDate(v.expiresOn()));
            }
            body.append("</dl>");
            if (v.supersededByUrl() != null) {
                body.append("<p>Sertifikat pengganti: <a href=\"").append(Html.escape(v.supersededByUrl())).append("\">")
                        .append(Html.escape(v.supersededByNumber())).append("</a></p>");
            }
        }
        return Html.page("Verifikasi sertifikat", body.toString());
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append("<dt>").append(Html.escape(label)).append("</dt><dd>").append(Html.escape(value == null || value.isBlank() ? "-" : value))
                .append("</dd>");
    }
}
