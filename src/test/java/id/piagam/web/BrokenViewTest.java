package id.piagam.web;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A page whose template fails answers 500 with an error page at once, instead of leaving the browser waiting. */
@MicronautTest(transactional = false)
@Property(name = "spec.name", value = "BrokenViewTest")
class BrokenViewTest extends ApiTest {

    @Requires(property = "spec.name", value = "BrokenViewTest")
    @Controller("/uji-rusak")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class BrokenPage {
        @Get
        @Produces(MediaType.TEXT_HTML)
        ModelAndView<Map<String, Object>> page() {
            return new ModelAndView<>("rusak", Map.of());
        }
    }

    @Test
    void aTemplateErrorIsA500PageNotAHang() {
        Api.Res r = anonymous.send(HttpRequest.GET("/uji-rusak").accept(MediaType.TEXT_HTML));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.body()).doesNotContain("missing").doesNotContain("Exception");
    }
}
