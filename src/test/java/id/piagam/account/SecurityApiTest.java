package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.FastPasswordHasher;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
// this class checks the stored hash: the production cost, not the test contexts' fast one
@Property(name = FastPasswordHasher.PRODUCTION_COST, value = "true")
class SecurityApiTest extends ApiTest {

    @Inject
    UserRepository users;

    @Test
    void signInGivesABearerTokenAndWrongCredentialsAre401() {
        Api.Res ok = anonymous.post("/login", Map.of("username", "admin", "password", "test-admin-secret"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat((String) ok.get("access_token")).isNotBlank();
        assertThat(ok.get("roles")).isEqualTo(List.of("ADMIN"));
        assertThat(anonymous.post("/login", Map.of("username", "admin", "password", "salah")).status()).isEqualTo(401);
        assertThat(anonymous.post("/login", Map.of("username", "tidak-ada", "password", "salah")).status()).isEqualTo(401);
        assertThat(anonymous.as("not-a-token").get("/api/events").status()).isEqualTo(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        User admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.passwordHash()).startsWith("$2a$12$").doesNotContain("test-admin-secret");
    }

    @Test
    void operatorsCannotManageUsersOrGradeScales() {
        Api.Res r = operator.get("/api/users");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(operator.post("/api/users", Map.of("username", "x-user", "password", "long-enough-pw", "role", "ADMIN")).status())
                .isEqualTo(403);
        assertThat(operator.post("/api/grade-scales", Map.of("code", "X", "name", "x",
                "bands", List.of(Map.of("label", "A", "lowerBound", 0, "passing", true)))).status()).isEqualTo(403);
        assertThat(operator.get("/api/grade-scales").status()).isEqualTo(200);
    }

    @Test
    void adminsManageUsers() {
        Api.Res created = admin.post("/api/users", Map.of("username", "Operator.Dua", "password", "operator-dua-secret", "role", "OPERATOR",
                "displayName", "Operator Dua"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("username")).isEqualTo("operator.dua");
        assertThat(created.map()).doesNotContainKeys("password", "passwordHash");
        assertThat(anonymous.login("operator.dua", "operator-dua-secret")).isNotBlank();

        assertThat(admin.post("/api/users", Map.of("username", "operator.dua", "password", "another-secret", "role", "OPERATOR")).status())
                .isEqualTo(409);
        assertThat(admin.post("/api/users", Map.of("username", "pendek", "password", "short", "role", "OPERATOR")).errorFields())
                .containsExactly("password");
        assertThat(admin.post("/api/users", Map.of("username", "peserta1", "password", "peserta-secret", "role", "PARTICIPANT")).errorFields())
                .containsExactly("participantId");

        Api.Res disabled = admin.put("/api/users/" + created.id(), Map.of("enabled", false));
        assertThat(disabled.get("enabled")).isEqualTo(false);
        assertThat(anonymous.post("/login", Map.of("username", "operator.dua", "password", "operator-dua-secret")).status()).isEqualTo(401);
    }

    @Test
    void theLastActiveAdminCannotBeDisabled() {
        long adminId = users.findByUsername("admin").orElseThrow().id();
        Api.Res r = admin.put("/api/users/" + adminId, Map.of("enabled", false));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/last-admin");
        assertThat(users.findByUsername("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void aParticipantAccountSeesOnlyItsOwnRecords() {
        long own = participant(200, "Indah Permatasari");
        long other = participant(201, "Joko Widodo");
        admin.post("/api/users", Map.of("username", "indah", "password", "indah-secret-123", "role", "PARTICIPANT", "participantId", own));
        Api indah = anonymous.as(anonymous.login("indah", "indah-secret-123"));
        assertThat(indah.get("/api/participants/" + own + "/records").status()).isEqualTo(200);
        assertThat(indah.get("/api/participants/" + other + "/records").status()).isEqualTo(403);
        assertThat(indah.get("/api/participants/" + own).status()).isEqualTo(403);
        assertThat(indah.get("/api/participants").status()).isEqualTo(403);
        assertThat(indah.get("/api/events").status()).isEqualTo(403);
    }

    @Test
    void healthIsPublicAndSaysUp() {
        Api.Res r = anonymous.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.map()).isEqualTo(Map.of("status", "UP"));
    }

    @Test
    void theOpenApiDocumentAndItsViewerArePublic() {
        Api.Res spec = anonymous.get("/swagger/piagam-0.1.0.yml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/participants").contains("/api/events/{eventId}/eligibility");
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
