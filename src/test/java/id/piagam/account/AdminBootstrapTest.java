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

/** Without PIAGAM_ADMIN_PASSWORD the first admin gets a random password: there is no default one to guess. */
@MicronautTest(transactional = false)
@Property(name = "piagam.admin-password", value = "")
class AdminBootstrapTest {

    @Inject
    UserRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper json;

    @Test
    void theFirstStartCreatesAnAdminWithARandomPassword() {
        User admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.enabled()).isTrue();
        Api api = new Api(client, json);
        for (String guess : new String[]{"", "admin", "password", "test-admin-secret"}) {
            assertThat(hasher.matches(guess, admin.passwordHash())).as(guess).isFalse();
        }
        assertThat(api.post("/login", Map.of("username", "admin", "password", "admin")).status()).isEqualTo(401);
    }

    @Test
    void randomPasswordsAreLongAndUnambiguous() {
        String a = AdminBootstrap.randomPassword();
        assertThat(a).hasSize(16).matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(AdminBootstrap.randomPassword()).isNotEqualTo(a);
    }
}
