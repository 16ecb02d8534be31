package id.piagam.mail;

import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP host nothing is sent, the pages say so, and every link stays there to copy by hand. */
@MicronautTest(transactional = false)
class DeliveryWithoutSmtpTest extends ApiTest {

    @Inject
    OutboxRepository outbox;

    @Test
    void thePagesSayNothingIsEmailedAndListEveryoneToReachByHand() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long eka = s.attending(2201, "Eka Putri");
        assertThat(s.issue(eka).status()).isEqualTo(201);
        assertThat(outbox.findByParticipantIdOrderByIdDesc(eka)).isEmpty();

        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document event = Jsoup.parse(staff.get("/kegiatan/" + s.eventId).body());
        assertThat(event.selectFirst("#mail-off").text()).contains("Tidak ada email yang dikirim");
        assertThat(event.select("#mail-progress")).isEmpty();

        Document page = Jsoup.parse(staff.get("/kegiatan/" + s.eventId + "/surel").body());
        assertThat(page.selectFirst("#mail-off").text()).contains("PIAGAM_SMTP_HOST");
        assertThat(page.selectFirst("#manual tr[data-participant=" + eka + "] input[data-copy]").val()).contains("/verify/");
        assertThat(page.select("#messages")).isEmpty();
        Document links = Jsoup.parse(staff.post("/kegiatan/" + s.eventId + "/surel/manual", Map.of("_csrf", staff.csrf())).body());
        assertThat(links.selectFirst("#invitations tr[data-participant=" + eka + "] input").val()).contains("/undangan/");

        assertThat(Jsoup.parse(staff.get("/peserta/" + eka).body()).selectFirst("#surel #mail-off")).isNotNull();
        Browser admin = new Browser(anonymous).signIn("admin", "test-admin-secret");
        assertThat(Jsoup.parse(admin.get("/").body()).selectFirst("#mail-off").text()).contains("PIAGAM_SMTP_HOST");
        assertThat(Jsoup.parse(staff.get("/").body()).select("#mail-off")).as("the dashboard note is for administrators").isEmpty();
    }
}
