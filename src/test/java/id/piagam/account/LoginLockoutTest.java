package id.piagam.account;

import id.piagam.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "piagam.login.max-failures", value = "3")
@Property(name = "piagam.login.max-failures-per-client", value = "6")
class LoginLockoutTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void repeatedFailuresLockTheAccountAndThenTheClient() {
        Api api = new Api(client, json);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/login", Map.of("username", "admin", "password", "tebakan-" + i)).status()).isEqualTo(401);
        }
        // the right password no longer works while the account is locked
        assertThat(api.post("/login", Map.of("username", "admin", "password", "test-admin-secret")).status()).isEqualTo(401);
        // a machine that keeps failing across usernames is then refused outright
        assertThat(api.post("/login", Map.of("username", "siapa", "password", "x")).status()).isEqualTo(401);
        assertThat(api.post("/login", Map.of("username", "siapa-lagi", "password", "x")).status()).isEqualTo(401);
        // without trusted proxies (the default) a forwarded address is ignored: it does not open a new bucket
        Api.Res refused = api.send(io.micronaut.http.HttpRequest.POST("/login", Map.of("username", "siapa-saja", "password", "x"))
                .header("X-Forwarded-For", "203.0.113.99"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().getHeaders().get("Retry-After")).isNotBlank();
        assertThat(refused.get("type")).isEqualTo("https://piagam.id/problems/too-many-requests");
    }
}
