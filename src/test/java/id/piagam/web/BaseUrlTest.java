package id.piagam.web;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without PIAGAM_BASE_URL, links and QR codes follow the port the server listens on (here a random one). */
@MicronautTest(transactional = false)
class BaseUrlTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    @Test
    void verificationLinksQrCodesAndInvitationsCarryThePortTheServerListensOn() throws Exception {
        assertThat(server.getPort()).isNotEqualTo(8080);
        String base = "http://localhost:" + server.getPort();
        Scenario s = Scenario.of(operator, Fixtures.aDiklat());
        long p = s.attending(1, "Ahmad Fauzi");
        s.scored(p, 85, 90);
        Api.Res issued = s.issue(p);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String link = base + "/verify/" + issued.get("verificationCode");
        assertThat(issued.get("verifyUrl")).isEqualTo(link);
        byte[] pdf = httpClient.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + issued.id() + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
        assertThat(PdfChecks.qr(pdf, 0)).isEqualTo(link);

        Api.Res invitation = operator.post("/api/participants/" + p + "/invitations", Map.of());
        assertThat((String) invitation.get("url")).startsWith(base + "/undangan/");
    }

    @Test
    void administratorsAreWarnedOnTheDashboardWhileTheBaseIsLoopback() {
        Document asAdmin = Jsoup.parse(new Browser(anonymous).signIn("admin", "test-admin-secret").get("/").body());
        assertThat(asAdmin.selectFirst("#loopback-base[role=alert]").text())
                .contains("http://localhost:" + server.getPort()).contains("PIAGAM_BASE_URL");
        assertThat(asAdmin.selectFirst("#unsigned[role=alert]").text()).as("no signing key in this context")
                .contains("PIAGAM_SIGNING_KEYSTORE");
        Document asOperator = Jsoup.parse(new Browser(anonymous).signIn("operator", "operator-secret-1").get("/").body());
        assertThat(asOperator.selectFirst("#loopback-base")).isNull();
        assertThat(asOperator.selectFirst("#unsigned")).isNull();
    }

    @Test
    void aConfiguredPublicAddressIsNotLoopback() {
        assertThat(new BaseUrl("https://sertifikat.bpsdm.jatimprov.go.id/", 8080).get()).isEqualTo("https://sertifikat.bpsdm.jatimprov.go.id");
        assertThat(new BaseUrl("https://sertifikat.bpsdm.jatimprov.go.id", 8080).isLoopback()).isFalse();
        assertThat(new BaseUrl("http://10.1.2.3:18100", 8080).isLoopback()).isFalse();
        assertThat(new BaseUrl("http://127.0.0.1:18100", 8080).isLoopback()).isTrue();
        assertThat(new BaseUrl("", 18100).get()).isEqualTo("http://localhost:18100");
        assertThat(new BaseUrl("", 18100).isLoopback()).isTrue();
    }
}
