package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock-out belongs to the account, whatever identifier names it. */
@MicronautTest(transactional = false)
@Property(name = "piagam.login.max-failures", value = "3")
@Property(name = "piagam.login.max-failures-per-client", value = "100")
class AccountLockoutTest extends ApiTest {

    @Test
    void failuresUnderOneSpellingLockTheAccountUnderEveryIdentifier() {
        Map<String, Object> person = new HashMap<>(Fixtures.aPns(0, "Dewi Lestari"));
        person.put("nik", "3528010101750001");
        person.put("email", "dewi.lestari@contoh.go.id");
        Api.Res created = operator.post("/api/participants", person);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String nip = (String) created.get("nip");
        assertThat(admin.post("/api/users", Map.of("username", "dewi", "password", "dewi-rahasia-123", "role", "PARTICIPANT",
                "participantId", created.id())).status()).isEqualTo(201);
        assertThat(anonymous.login(nip, "dewi-rahasia-123")).isNotBlank();

        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.post("/login", Map.of("username", nip, "password", "tebakan-" + i)).status()).isEqualTo(401);
        }
        String spaced = nip.substring(0, 8) + " " + nip.substring(8, 14) + " " + nip.charAt(14) + " " + nip.substring(15);
        String dotted = spaced.replace(' ', '.');
        for (String identifier : List.of(nip, spaced, dotted, "3528010101750001", "dewi.lestari@contoh.go.id", "DEWI")) {
            Api.Res r = anonymous.post("/login", Map.of("username", identifier, "password", "dewi-rahasia-123"));
            assertThat(r.status()).as(identifier).isEqualTo(401);
        }
        // another account is not affected
        assertThat(anonymous.login("operator", "operator-secret-1")).isNotBlank();
    }
}
