package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy (here the test client, on loopback, is the trusted proxy) the sign-in
 * throttle counts failures per forwarded client, as the verification limit does: one visitor's
 * failures lock that visitor out, not everyone behind the proxy; on the API and on the sign-in page.
 */
@MicronautTest(transactional = false)
@Property(name = "piagam.login.max-failures", value = "50")
@Property(name = "piagam.login.max-failures-per-client", value = "3")
@Property(name = "piagam.trusted-proxies", value = "127.0.0.1,::1")
class LoginThrottleProxyTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    private Api.Res login(Api api, String forwardedFor, String username, String password) {
        return api.send(HttpRequest.POST("/login", Map.of("username", username, "password", password))
                .header("X-Forwarded-For", forwardedFor));
    }

    @Test
    void eachForwardedClientHasItsOwnSignInBucket() {
        Api api = new Api(client, json);
        for (int i = 0; i < 3; i++) {
            assertThat(login(api, "203.0.113.10", "tebak-" + i, "salah").status()).isEqualTo(401);
        }
        assertThat(login(api, "203.0.113.10", "admin", "test-admin-secret").status()).isEqualTo(429);
        // another visitor behind the same proxy signs in
        assertThat(login(api, "203.0.113.11", "admin", "test-admin-secret").status()).isEqualTo(200);

        // the sign-in page counts against the same forwarded client
        Browser browser = new Browser(api);
        String csrf = Jsoup.parse(browser.get("/masuk").body()).selectFirst("input[name=_csrf]").val();
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&username=admin&password=test-admin-secret";
        Api.Res locked = browser.send(HttpRequest.POST("/masuk", form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Forwarded-For", "203.0.113.10"));
        assertThat(locked.status()).isEqualTo(429);
        Api.Res other = browser.send(HttpRequest.POST("/masuk", form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Forwarded-For", "203.0.113.12"));
        assertThat(other.status()).as(other.body()).isEqualTo(303);
    }
}
