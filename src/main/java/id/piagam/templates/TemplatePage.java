package id.piagam.templates;

import id.piagam.security.Roles;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Map;

/**
 * The certificate templates for administrators: each template in the folder, whether it loaded (or
 * the file and element at fault), a preview rendered with sample data, and a button that re-reads
 * the folder after an edit.
 */
@Controller("/admin/templat")
@Secured(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplatePage {

    private final TemplateCatalogue catalogue;
    private final Pages pages;

    TemplatePage(TemplateCatalogue catalogue, Pages pages) {
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication auth) {
        Map<String, Object> model = pages.model(request, auth);
        model.put("templates", catalogue.list().stream().map(TemplateController::view).toList());
        model.put("reloaded", request.getParameters().contains("dimuat"));
        return HttpResponse.ok(new ModelAndView<>("admin-templat", model));
    }

    @Post(value = "/muat-ulang", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reload(Authentication auth) {
        catalogue.reload();
        return HttpResponse.seeOther(URI.create("/admin/templat?dimuat=1"));
    }
}
