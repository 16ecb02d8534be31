package id.piagam.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Served behind https, every response tells the browser to keep to https. */
@MicronautTest(transactional = false)
@Property(name = "piagam.base-url", value = "https://piagam.example.go.id")
class HstsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anHttpsBaseUrlSendsStrictTransportSecurity() {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertThat(r.getHeaders().get("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/masuk"), String.class);
        assertThat(page.getHeaders().get("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }
}
