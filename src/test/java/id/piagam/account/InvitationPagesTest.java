package id.piagam.account;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class InvitationPagesTest extends ApiTest {

    @Test
    void theSecretariatCreatesLinksForAWholeEventAndEachWorksOnce() {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        long nia = s.attending(995, "Nia Ramadhani");
        s.attending(996, "Oki Setiawan");
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document event = Jsoup.parse(staff.get("/kegiatan/" + s.eventId).body());
        assertThat(event.selectFirst("form#invite-all").attr("action")).isEqualTo("/kegiatan/" + s.eventId + "/undangan");

        Api.Res list = staff.post("/kegiatan/" + s.eventId + "/undangan", Map.of("_csrf", staff.csrf()));
        assertThat(list.status()).isEqualTo(200);
        Document doc = Jsoup.parse(list.body());
        assertThat(doc.select("#invitations tbody tr")).hasSize(2);
        String link = doc.selectFirst("#invitations tr[data-participant=" + nia + "] input").val();
        assertThat(link).contains("/undangan/");

        Browser participant = new Browser(anonymous);
        String path = URI.create(link).getPath();
        Document invitation = Jsoup.parse(participant.get(path).body());
        // "Nia Ramadhani, S.Kom." ends with a full stop: the greeting does not add a second one
        assertThat(invitation.selectFirst("#hello").text()).isEqualTo("Halo, Nia Ramadhani, S.Kom.");
        String csrf = invitation.selectFirst("input[name=_csrf]").val();
        Api.Res accepted = participant.post(path, Map.of("_csrf", csrf, "password", "nia-rahasia-2026", "repeat", "nia-rahasia-2026"));
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(participant.get("/saya").status()).isEqualTo(200);
        assertThat(new Browser(anonymous).get(path).body()).contains("sudah dipakai");

        Document one = Jsoup.parse(staff.post("/peserta/" + nia + "/undangan", Map.of("_csrf", staff.csrf())).body());
        assertThat(one.select("#invitations tbody tr")).hasSize(1);
        assertThat(staff.post("/peserta/" + nia + "/undangan", Map.of("_csrf", "palsu")).status()).isEqualTo(403);
        // the list's address reloaded: the links are not shown again (nor kept in clear), the page they came from is
        for (String from : List.of("/peserta/" + nia, "/kegiatan/" + s.eventId)) {
            Api.Res again = staff.get(from + "/undangan");
            assertThat(again.status()).isEqualTo(303);
            assertThat(again.raw().getHeaders().get("Location")).isEqualTo(from);
            assertThat(again.body()).doesNotContain("/undangan/");
        }
        assertThat(new Browser(anonymous).get("/peserta/" + nia + "/undangan").raw().getHeaders().get("Location")).startsWith("/masuk");
    }

    @Test
    void theShownLinksComeAsACsvForAMailMergeAndEachCanBeCopied() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek());
        Map<String, Object> rina = Fixtures.aPns(997, "Rina Wulandari");
        long rinaId = s.attending(rina);
        s.attending(998, "Sari Dewi");
        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document doc = Jsoup.parse(staff.post("/kegiatan/" + s.eventId + "/undangan", Map.of("_csrf", staff.csrf())).body());
        assertThat(doc.selectFirst(".warn.badge").text()).endsWith("WIB.");
        org.jsoup.nodes.Element field = doc.selectFirst("#invitations tr[data-participant=" + rinaId + "] input");
        assertThat(field.hasAttr("readonly")).isTrue();
        assertThat(field.attr("data-copy-label")).isEqualTo("Salin");

        org.jsoup.nodes.Element download = doc.selectFirst("a#invitations-csv");
        assertThat(download.attr("download")).isEqualTo("undangan.csv");
        String href = download.attr("href");
        assertThat(href).startsWith("data:text/csv;charset=utf-8;base64,");
        String csv = new String(java.util.Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)),
                java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
        java.util.List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT
                .parse(new java.io.StringReader(csv)).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).values()).containsExactly("Nama", "NIP", "Tautan", "Berlaku sampai");
        org.apache.commons.csv.CSVRecord first = rows.stream().filter(r -> r.get(1).equals(rina.get("nip"))).findFirst().orElseThrow();
        assertThat(first.get(0)).startsWith("Rina Wulandari");
        assertThat(first.get(2)).isEqualTo(field.val());
        assertThat(first.get(3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} WIB");
    }
}
