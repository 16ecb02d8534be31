package id.piagam.verification;

import id.piagam.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "piagam.verify.burst", value = "5")
@Property(name = "piagam.verify.per-second", value = "0.1")
@Property(name = "piagam.trusted-proxies", value = "127.0.0.1,::1")
class VerificationRateLimitTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void aClientScanningCodesQuicklyIsRefusedWith429() {
        Api api = new Api(client, json);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/verify/AAAAAAAAAAAAAAAAAAAAAAAAAA" + i).status()).isEqualTo(404);
        }
        Api.Res refused = api.get("/api/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAZ");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().getHeaders().get("Retry-After")).isEqualTo("10");
        assertThat(api.get("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAZ").status()).isEqualTo(429);
        assertThat(api.get("/verify").status()).as("the upload form is limited too").isEqualTo(429);
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() {
        Api api = new Api(client, json);
        for (int i = 0; i < 5; i++) {
            Api.Res r = api.send(io.micronaut.http.HttpRequest.GET("/api/verify/BBBBBBBBBBBBBBBBBBBBBBBBBB" + i)
                    .header("X-Forwarded-For", "203.0.113.10"));
            assertThat(r.status()).isEqualTo(404);
        }
        assertThat(api.send(io.micronaut.http.HttpRequest.GET("/api/verify/BBBBBBBBBBBBBBBBBBBBBBBBBBZ")
                .header("X-Forwarded-For", "203.0.113.10")).status()).isEqualTo(429);
        // another visitor behind the same proxy is not refused
        assertThat(api.send(io.micronaut.http.HttpRequest.GET("/api/verify/BBBBBBBBBBBBBBBBBBBBBBBBBBZ")
                .header("X-Forwarded-For", "203.0.113.11")).status()).isEqualTo(404);
    }
}
