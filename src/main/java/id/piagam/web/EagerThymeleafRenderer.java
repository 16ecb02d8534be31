package id.piagam.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders a page completely before the response starts. The stock renderer writes while the
 * response is being sent, so a template error leaves the browser waiting for ever (micronaut-views
 * #832); rendered here, the error reaches the error handlers and the reader gets a 500 page.
 * Pages are small, so holding one in memory costs nothing worth measuring.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class EagerThymeleafRenderer<T> extends ThymeleafViewsRenderer<T> {

    EagerThymeleafRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                           ClassPathResourceLoader resourceLoader, HttpLocaleResolver httpLocaleResolver) {
        super(templateResolver, engine, resourceLoader, httpLocaleResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter out = new StringWriter(8192);
        try {
            super.render(viewName, data, request).writeTo(out);
        } catch (IOException e) {
            throw new ViewRenderingException("Error rendering view [" + viewName + "]", e);
        }
        String html = out.toString();
        return writer -> writer.write(html);
    }
}
