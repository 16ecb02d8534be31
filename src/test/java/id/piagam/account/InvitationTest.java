package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A participant gets access through a one-time link and then signs in with NIP, NIK or email. */
@MicronautTest(transactional = false)
class InvitationTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    private static String path(Api.Res invitation) {
        return URI.create((String) invitation.get("url")).getPath();
    }

    @Test
    void aLinkSetsThePasswordOnceAndThePersonSignsInWithNipOrEmail() {
        long p = participant(980, "Rahayu Wulandari");
        String nip = (String) Fixtures.aPns(980, "x").get("nip");
        Api.Res invitation = operator.post("/api/participants/" + p + "/invitations", Map.of());
        assertThat(invitation.status()).isEqualTo(201);
        assertThat((String) invitation.get("url")).matches("http://localhost:" + server.getPort() + "/undangan/[A-Za-z0-9_-]{43}");
        String link = path(invitation);

        Browser browser = new Browser(anonymous);
        Document form = Jsoup.parse(browser.get(link).body());
        assertThat(form.selectFirst("h1").text()).isEqualTo("Buat kata sandi");
        assertThat(form.text()).contains("Rahayu Wulandari, S.Kom.").contains(nip);
        String csrf = form.selectFirst("input[name=_csrf]").val();

        Api.Res mismatch = browser.post(link, Map.of("_csrf", csrf, "password", "rahasia-rahayu-1", "repeat", "rahasia-rahayu-2"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(Jsoup.parse(mismatch.body()).selectFirst("#repeat-error").text()).isEqualTo("Kedua kata sandi tidak sama.");
        Api.Res tooShort = browser.post(link, Map.of("_csrf", csrf, "password", "pendek", "repeat", "pendek"));
        assertThat(Jsoup.parse(tooShort.body()).selectFirst("#password-error")).isNotNull();

        Api.Res accepted = browser.post(link, Map.of("_csrf", csrf, "password", "rahasia-rahayu-1", "repeat", "rahasia-rahayu-1"));
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(accepted.raw().getHeaders().get("Location")).isEqualTo("/saya");
        assertThat(browser.get("/saya").status()).isEqualTo(200);

        // the link works once
        Api.Res again = new Browser(anonymous).get(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(Jsoup.parse(again.body()).selectFirst("[role=alert]").text()).contains("sudah dipakai atau kedaluwarsa");

        // and the person signs in with the NIP (typed with spaces), or the email
        String spaced = nip.substring(0, 8) + " " + nip.substring(8, 14) + " " + nip.charAt(14) + " " + nip.substring(15);
        assertThat(anonymous.post("/login", Map.of("username", spaced, "password", "rahasia-rahayu-1")).status()).isEqualTo(200);
        assertThat(anonymous.post("/login", Map.of("username", "orang980@contoh.go.id", "password", "rahasia-rahayu-1")).status())
                .isEqualTo(200);
        new Browser(anonymous).signIn(nip, "rahasia-rahayu-1");
    }

    @Test
    void anEventGetsAListOfLinksForItsPesertaAndUnknownLinksAreGone() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        s.attending(981, "Satria Nugraha");
        s.attending(982, "Tiara Kusuma");
        List<Map<String, Object>> sent = operator.post("/api/events/" + s.eventId + "/invitations", Map.of()).list();
        assertThat(sent).hasSize(2).extracting(m -> m.get("name")).containsExactly("Satria Nugraha, S.Kom.", "Tiara Kusuma, S.Kom.");
        assertThat(sent).allSatisfy(m -> assertThat((String) m.get("email")).endsWith("@contoh.go.id"));
        assertThat(new Browser(anonymous).get("/undangan/" + "A".repeat(43)).status()).isEqualTo(410);
        assertThat(anonymous.post("/api/participants/1/invitations", Map.of()).status()).isEqualTo(401);
    }
}
