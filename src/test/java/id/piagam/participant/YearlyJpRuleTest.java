package id.piagam.participant;

import id.piagam.rendering.PdfChecks;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The yearly JP rule is the person's: a PNS's minimum of 20, a PPPK's ceiling of 24, none for others. */
@MicronautTest(transactional = false)
class YearlyJpRuleTest extends ApiTest {

    @Test
    void theRuleFollowsTheCategory() {
        assertThat(YearlyJpRule.of(Category.PNS).status(19)).isEqualTo(YearlyJpRule.Status.SHORT);
        assertThat(YearlyJpRule.of(Category.PNS).status(20)).isEqualTo(YearlyJpRule.Status.MET);
        assertThat(YearlyJpRule.of(Category.PPPK).status(24)).isEqualTo(YearlyJpRule.Status.WITHIN);
        assertThat(YearlyJpRule.of(Category.PPPK).status(25)).isEqualTo(YearlyJpRule.Status.OVER);
        assertThat(YearlyJpRule.of(Category.PPPK).gap(32)).isEqualTo(8);
        assertThat(YearlyJpRule.of(Category.NON_ASN).status(0)).isEqualTo(YearlyJpRule.Status.NO_TARGET);
        assertThat(YearlyJpRule.of(Category.TNI_POLRI).jp()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPppkIsMeasuredAgainstTheCeilingAndANonAsnAgainstNothing() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(8, 8, 8, 8));
        Map<String, Object> pppk = Fixtures.aPns(961, "Rina Marlina");
        pppk.putAll(Map.of("category", "PPPK", "nip", "199001012021212002", "birthDate", "1990-01-01", "sex", "P", "golongan", "IX"));
        long rina = s.attending(pppk);
        long yoga = s.attending(Map.of("fullName", "Yoga Pratama", "category", "NON_ASN", "nik", "3528011505900003",
                "birthDate", "1990-05-15", "sex", "L", "email", "yoga961@contoh.id"));
        long pns = s.attending(962, "Ahmad Fauzi");

        Map<String, Object> rinaRecords = operator.get("/api/participants/" + rina + "/records").map();
        assertThat(rinaRecords.get("jpRule")).isEqualTo(Map.of("kind", "CEILING", "jp", 24));
        assertThat((List<Object>) rinaRecords.get("totalsPerYear")).containsExactly(
                Map.of("year", 2026, "jp", 32, "ceilingJp", 24, "status", "OVER", "gap", 8));
        Map<String, Object> yogaRecords = operator.get("/api/participants/" + yoga + "/records").map();
        assertThat(yogaRecords.get("jpRule")).isEqualTo(Map.of("kind", "NONE"));
        assertThat((List<Object>) yogaRecords.get("totalsPerYear")).containsExactly(Map.of("year", 2026, "jp", 32, "status", "NO_TARGET", "gap", 0));
        assertThat(operator.get("/api/participants/" + pns + "/records").get("jpRule")).isEqualTo(Map.of("kind", "MINIMUM", "jp", 20));

        admin.post("/api/users", Map.of("username", "rina", "password", "rina-secret-123", "role", "PARTICIPANT", "participantId", rina));
        Browser own = new Browser(anonymous).signIn("rina", "rina-secret-123");
        Document mine = Jsoup.parse(own.get("/saya").body());
        assertThat(mine.selectFirst("#jp-rule").text()).isEqualTo("PPPK: paling banyak 24 JP setahun.");
        assertThat(mine.select("#jp-per-year tr[data-year=2026] td").eachText()).containsExactly("2026", "32", "melebihi batas 8 JP");
        assertThat(mine.text()).doesNotContain("Target 20 JP").doesNotContain("kurang");
        String transcript = PdfChecks.text(own.get("/saya/transkrip.pdf").raw().getBody(byte[].class).orElseThrow(), 1);
        assertThat(transcript).contains("PPPK: paling banyak 24 JP setahun.").contains("melebihi batas 8 JP").doesNotContain("Target 20 JP");

        Browser staff = new Browser(anonymous).signIn("operator", "operator-secret-1");
        assertThat(Jsoup.parse(staff.get("/peserta/" + yoga).body()).selectFirst("#jp-rule").text())
                .isEqualTo("Tidak ada target JP tahunan untuk kategori ini.");
        assertThat(Jsoup.parse(staff.get("/peserta/" + pns).body()).selectFirst("#jp-rule").text())
                .contains("PNS: paling sedikit 20 JP");
    }
}
