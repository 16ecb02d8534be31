package id.piagam.templates;

import id.piagam.rules.DomainRefusal;
import id.piagam.certificate.CertificatePreview;
import id.piagam.security.Roles;
import id.piagam.rendering.TemplateCatalogue;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@Controller("/api/templates")
@Secured({Roles.ADMIN, Roles.OPERATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Templates")
class TemplateController {

    private final TemplateCatalogue catalogue;
    private final CertificatePreview previews;

    TemplateController(TemplateCatalogue catalogue, CertificatePreview previews) {
        this.catalogue = catalogue;
        this.previews = previews;
    }

    /** A template and whether it can be used; {@code error} names the file and element at fault. */
    @Serdeable
    record TemplateView(String name, String title, Set<String> kinds, boolean usable, String error, String contentHash) {
    }

    @Get
    List<TemplateView> list() {
        return catalogue.list().stream().map(TemplateController::view).toList();
    }

    /** Re-reads the templates folder after an edit. */
    @Post("/reload")
    @Secured(Roles.ADMIN)
    List<TemplateView> reload() {
        return catalogue.reload().stream().map(TemplateController::view).toList();
    }

    /** The template rendered with sample data. */
    @Get(value = "/{name}/preview", produces = MediaType.APPLICATION_PDF)
    HttpResponse<byte[]> preview(String name) {
        if (catalogue.find(name).isEmpty()) {
            throw DomainRefusal.notFound("entity.template", name);
        }
        return HttpResponse.ok(previews.preview(name)).contentType(MediaType.APPLICATION_PDF_TYPE)
                .header("Content-Disposition", "inline; filename=\"contoh-" + name + ".pdf\"");
    }

    static TemplateView view(TemplateCatalogue.Entry e) {
        return new TemplateView(e.name(), e.model().map(m -> m.title()).orElse(null), e.model().map(m -> m.kinds()).orElse(Set.of()),
                e.model().isPresent(), e.error().orElse(null), e.model().map(m -> m.contentHash()).orElse(null));
    }
}
