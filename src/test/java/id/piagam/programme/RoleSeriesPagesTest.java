package id.piagam.programme;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each role's number series on the event form and page, and the refusal of two series of one event that would collide. */
@MicronautTest(transactional = false)
class RoleSeriesPagesTest extends ApiTest {

    /** A Bimtek as a secretary fills the blank form. */
    private static Map<String, String> bimtek(Browser browser, String code) {
        Map<String, String> f = Browser.fields(Jsoup.parse(browser.get("/kegiatan/baru?jenis=BIMTEK").body()), "#event-form");
        f.put("_csrf", browser.csrf());
        f.put("kind", "BIMTEK");
        f.put("code", code);
        f.put("title", "Bimtek Seri Nomor " + code);
        f.put("organiser", "BPSDM Provinsi Jawa Timur");
        f.put("place", "Surabaya");
        f.put("startDate", "2026-05-04");
        f.put("endDate", "2026-05-05");
        f.put("minAttendancePercent", "80");
        f.put("sessions[0].date", "2026-05-04");
        f.put("sessions[0].topic", "Materi satu");
        f.put("sessions[0].jp", "4");
        f.put("certificate.signatory.position", "Kepala BPSDM");
        f.put("certificate.signatory.name", "Dr. Hadi Prasetyo, M.Si.");
        return f;
    }

    private long events() {
        return ((Number) operator.get("/api/events?size=1").get("total")).longValue();
    }

    @Test
    void theEventFormSetsEachRoleSeriesPrefillsItOnEditAndTheEventPageShowsEverySeriesInUse() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document blank = Jsoup.parse(browser.get("/kegiatan/baru").body());
        assertThat(blank.select("label[for=certificate.roleNumberPatterns.narasumber]").text()).isEqualTo("Pola nomor piagam narasumber");
        assertThat(blank.select("#role-series .hint").eachText()).contains("Kosong: seri bawaan 800.2.4.2/{seq:4}/BPSDM-MOD/{yyyy}");

        Map<String, String> f = bimtek(browser, "RSF1");
        f.put("certificate.numberPattern", "RSF/{seq:3}/P/{yyyy}");
        f.put("certificate.roleNumberPatterns.narasumber", "RSF/{seq:3}/NS/{yyyy}");
        f.put("certificate.roleNumberPatterns.panitia", " RSF/{seq:3}/PAN/{yyyy} ");
        Api.Res created = browser.post("/kegiatan/baru", f);
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        String location = created.raw().getHeaders().get("Location");
        long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));

        Map<?, ?> series = (Map<?, ?>) ((Map<?, ?>) operator.get("/api/events/" + id).get("certificate")).get("roleNumberPatterns");
        assertThat(series.get("narasumber")).isEqualTo("RSF/{seq:3}/NS/{yyyy}");
        assertThat(series.get("moderator")).isNull();
        assertThat(series.get("panitia")).isEqualTo("RSF/{seq:3}/PAN/{yyyy}");

        Document edit = Jsoup.parse(browser.get("/kegiatan/" + id + "/ubah").body());
        assertThat(edit.selectFirst("[id=certificate.roleNumberPatterns.narasumber]").val()).isEqualTo("RSF/{seq:3}/NS/{yyyy}");
        assertThat(edit.selectFirst("[id=certificate.roleNumberPatterns.moderator]").val()).isEmpty();
        assertThat(edit.selectFirst("[id=certificate.roleNumberPatterns.panitia]").val()).isEqualTo("RSF/{seq:3}/PAN/{yyyy}");

        Document page = Jsoup.parse(browser.get("/kegiatan/" + id).body());
        assertThat(page.select("#series li").eachText()).containsExactly(
                "Peserta: RSF/{seq:3}/P/{yyyy}",
                "Narasumber: RSF/{seq:3}/NS/{yyyy}",
                "Moderator: 800.2.4.2/{seq:4}/BPSDM-MOD/{yyyy} (bawaan)",
                "Panitia: RSF/{seq:3}/PAN/{yyyy}");
    }

    @Test
    void theFormRefusesARoleSeriesThatIsThePesertaSeriesAtItsFieldAndSavesNothing() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        long before = events();
        Map<String, String> f = bimtek(browser, "RSF2");
        f.put("certificate.numberPattern", "RSF2/{seq:3}/{yyyy}");
        f.put("certificate.roleNumberPatterns.narasumber", "RSF2/{seq:3}/{yyyy}");
        f.put("certificate.roleNumberPatterns.moderator", "RSF2/no-counter");
        Api.Res refused = browser.post("/kegiatan/baru", f);
        assertThat(refused.status()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("[id=certificate.roleNumberPatterns.narasumber-error]").text())
                .isEqualTo("Pola ini sama dengan, atau dapat memberi nomor yang sama dengan, seri peserta kegiatan ini (RSF2/{seq:3}/{yyyy}): "
                        + "setiap jenis dokumen perlu seri nomor sendiri.");
        assertThat(page.selectFirst("[id=certificate.roleNumberPatterns.moderator-error]").text()).isEqualTo("Pola nomor harus memuat tepat satu {seq} (nomor urut).");
        assertThat(page.selectFirst("[id=certificate.roleNumberPatterns.narasumber]").val()).isEqualTo("RSF2/{seq:3}/{yyyy}");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theApiRefusesTwoSeriesOfOneEventThatShareAPatternOrADefaultOrOverlapNamingTheField() {
        long before = events();
        Map<String, Object> roles = new HashMap<>();
        roles.put("moderator", "RSF3/{seq:3}/R");
        roles.put("panitia", "RSF3/{seq:3}/R");
        Api.Res same = operator.post("/api/events", Fixtures.aBimtek().with("certificate", Map.of("roleNumberPatterns", roles)).body());
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.errorFields()).containsExactly("certificate.roleNumberPatterns.panitia");
        assertThat(same.errors().get(0).get("message").toString()).contains("seri moderator");

        // the peserta series left blank runs on the default: a role may not take that text
        Api.Res onDefault = operator.inLanguage("en").post("/api/events", Fixtures.aBimtek().with("certificate",
                Map.of("roleNumberPatterns", Map.of("narasumber", "800.2.4.2/{seq:4}/BPSDM/{yyyy}"))).body());
        assertThat(onDefault.status()).isEqualTo(400);
        assertThat(onDefault.errorFields()).containsExactly("certificate.roleNumberPatterns.narasumber");
        assertThat(onDefault.errors().get(0).get("message").toString()).contains("this event's participants series (800.2.4.2/{seq:4}/BPSDM/{yyyy})");

        // and the peserta pattern may not take a role's default
        Api.Res pesertaOnRoleDefault = operator.post("/api/events", Fixtures.aBimtek().with("certificate",
                Map.of("numberPattern", "800.2.4.2/{seq:4}/BPSDM-PAN/{yyyy}")).body());
        assertThat(pesertaOnRoleDefault.status()).isEqualTo(400);
        assertThat(pesertaOnRoleDefault.errorFields()).containsExactly("certificate.numberPattern");

        // two different texts that print the same numbers with the event's code
        Api.Res overlap = operator.post("/api/events", Fixtures.aBimtek().with("code", "RSF3").with("certificate",
                Map.of("numberPattern", "X3/{seq:3}/{event}", "roleNumberPatterns", Map.of("moderator", "X3/{seq:3}/RSF3"))).body());
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.errorFields()).containsExactly("certificate.roleNumberPatterns.moderator");
        assertThat(events()).isEqualTo(before);
    }
}
