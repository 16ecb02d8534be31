package id.piagam.backup;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "piagam.backup.dir", value = "target/test-db/backups")
class BackupApiTest extends ApiTest {

    @Test
    @DisabledIfEnvironmentVariable(named = "MICRONAUT_ENVIRONMENTS", matches = ".*postgresql.*", disabledReason = "SQLite's VACUUM INTO")
    void anAdminBacksUpWhileServingAndTheRestoreServesTheSameCertificates() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long p = s.attending(800, "Rahmat Hidayat");
        Api.Res certificate = s.issue(p);
        assertThat(operator.post("/api/admin/backups", Map.of()).status()).isEqualTo(403);

        Api.Res backup = admin.post("/api/admin/backups", Map.of());
        assertThat(backup.status()).as(backup.body()).isEqualTo(201);
        assertThat(backup.get("integrity")).isEqualTo("ok");
        assertThat(((Number) backup.get("certificates")).longValue()).isGreaterThanOrEqualTo(1);
        Path file = Path.of((String) backup.get("file"));
        assertThat(file).exists();

        // restore: a fresh service on a copy of the backup serves the same certificate, byte for byte
        Path restored = Path.of("target/test-db/restored-" + System.nanoTime() + ".db");
        Files.copy(file, restored);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "datasources.default.url", "jdbc:sqlite:" + restored.toAbsolutePath() + "?journal_mode=WAL&foreign_keys=on&busy_timeout=10000"
                        + "&transaction_mode=IMMEDIATE", "piagam.admin-password", "ignored-existing-admin"));
             HttpClient client = HttpClient.create(server.getURL())) {
            Api api = new Api(client, server.getApplicationContext().getBean(JsonMapper.class));
            Api.Res verified = api.get("/api/verify/" + certificate.get("verificationCode"));
            assertThat(verified.get("valid")).isEqualTo(true);
            assertThat(verified.get("number")).isEqualTo(certificate.get("number"));
            Api.Res uploaded = api.send(io.micronaut.http.HttpRequest.POST("/api/verify",
                    httpClient.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET("/api/certificates/" + certificate.id() + "/pdf")
                            .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class))
                    .contentType(io.micronaut.http.MediaType.APPLICATION_PDF_TYPE));
            assertThat(uploaded.get("found")).isEqualTo(true);
            String token = api.login("admin", "test-admin-secret");
            assertThat(api.as(token).get("/api/participants/" + p).get("fullName")).isEqualTo("Rahmat Hidayat");
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MICRONAUT_ENVIRONMENTS", matches = ".*postgresql.*", disabledReason = "the PostgreSQL pass")
    void onPostgresqlTheButtonPointsToPgDump() {
        Api.Res r = admin.post("/api/admin/backups", Map.of());
        assertThat(r.status()).isEqualTo(501);
        assertThat((String) r.get("detail")).contains("pg_dump");
        assertThat(operator.post("/api/admin/backups", Map.of()).status()).isEqualTo(403);
    }
}
