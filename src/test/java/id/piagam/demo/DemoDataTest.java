package id.piagam.demo;

import id.piagam.support.Api;
import id.piagam.rendering.PdfChecks;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.http.HttpRequest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "piagam.demo", value = "true")
class DemoDataTest extends ApiTest {

    @Test
    void seedsABimtekAndADiklatWithThirtyPeopleAndRealOutcomes() {
        assertThat(operator.get("/api/participants").get("total")).isEqualTo(30);
        List<?> events = (List<?>) operator.get("/api/events").get("items");
        assertThat(events.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("kind"))).toList()).containsExactlyInAnyOrder("BIMTEK", "DIKLAT");
        for (Object e : events) {
            Map<?, ?> event = (Map<?, ?>) e;
            List<Map<String, Object>> lines = operator.get("/api/events/" + event.get("id") + "/eligibility").list();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(15);
            assertThat(lines).anyMatch(l -> Boolean.TRUE.equals(l.get("eligible")));
            assertThat(lines).anyMatch(l -> Boolean.FALSE.equals(l.get("eligible")) && !((List<?>) l.get("reasons")).isEmpty());
            if ("DIKLAT".equals(event.get("kind"))) {
                assertThat(lines).anyMatch(l -> "COMPETENCY".equals(l.get("kind")));
            } else {
                assertThat(lines).noneMatch(l -> "COMPETENCY".equals(l.get("kind")));
            }
        }
        Api.Res someone = operator.get("/api/participants?q=ahmad");
        long id = ((Number) ((Map<?, ?>) ((List<?>) someone.get("items")).get(0)).get("id")).longValue();
        List<?> records = (List<?>) operator.get("/api/participants/" + id + "/records").get("events");
        assertThat(records).hasSize(2);
        // the eligible got their certificates, so a newcomer sees one at once
        assertThat(records).anySatisfy(r -> assertThat((List<?>) ((Map<?, ?>) r).get("certificates")).isNotEmpty());
    }

    /** The README's "first five minutes", step 6: event 2 is the Diklat and certificate 15 its first STTP. */
    @Test
    void theReadmesApiStepNamesTheDiklatAndItsFirstSttp() throws Exception {
        assertThat(operator.get("/api/events/2").get("kind")).isEqualTo("DIKLAT");
        List<Map<String, Object>> issued = operator.get("/api/events/2/certificates").list();
        Map<String, Object> first = issued.stream().filter(c -> "COMPETENCY".equals(c.get("kind")))
                .min(Comparator.comparingLong(c -> ((Number) c.get("id")).longValue())).orElseThrow();
        assertThat(((Number) first.get("id")).longValue()).isEqualTo(15);
        HttpRequest<?> pdf = HttpRequest.GET("/api/certificates/15/pdf").bearerAuth(anonymous.login("operator", "operator-secret-1"));
        assertThat(PdfChecks.text(httpClient.toBlocking().retrieve(pdf, byte[].class), 1)).contains("SURAT TANDA TAMAT PELATIHAN");
    }

    @Test
    void eachDemoPersonsGradeFitsTheirPost() {
        List<?> people = (List<?>) operator.get("/api/participants?size=100").get("items");
        assertThat(people).hasSize(30);
        for (Object o : people) {
            Map<?, ?> p = (Map<?, ?>) o;
            String jabatan = String.valueOf(p.get("jabatan"));
            String golongan = String.valueOf(p.get("golongan"));
            String who = p.get("fullName") + " (" + p.get("category") + ", " + jabatan + ", " + golongan + ")";
            switch (String.valueOf(p.get("category"))) {
                case "NON_ASN" -> assertThat(p.get("golongan")).as(who).isNull();
                case "PPPK" -> assertThat(golongan).as(who).isEqualTo("IX");
                case "CPNS" -> assertThat(golongan).as(who).isEqualTo("III/a");
                default -> {
                    if (jabatan.endsWith("Ahli Pertama")) {
                        assertThat(golongan).as(who).isIn("III/a", "III/b");
                    } else if (jabatan.endsWith("Ahli Muda")) {
                        assertThat(golongan).as(who).isIn("III/c", "III/d");
                    } else if (jabatan.endsWith("Ahli Madya")) {
                        assertThat(golongan).as(who).isIn("IV/a", "IV/b", "IV/c");
                    }
                }
            }
            if (!"PNS".equals(p.get("category")) && !"NON_ASN".equals(p.get("category"))) {
                assertThat(jabatan).as(who + ": an entry post").doesNotContain("Ahli Muda", "Ahli Madya", "Kepala");
            }
        }
    }

    @Test
    void theBimteksNarasumberTaughtItsSessionsAndHasAPiagamANewcomerCanOpen() throws Exception {
        Map<?, ?> bimtek = ((List<?>) operator.get("/api/events?kind=BIMTEK").get("items")).stream().map(e -> (Map<?, ?>) e)
                .findFirst().orElseThrow();
        Object eventId = bimtek.get("id");
        Map<String, Object> speaker = operator.get("/api/events/" + eventId + "/enrolments").list().stream()
                .filter(e -> "NARASUMBER".equals(e.get("role"))).findFirst().orElseThrow();
        List<?> sessions = (List<?>) operator.get("/api/events/" + eventId).get("sessions");
        assertThat(sessions).filteredOn(s -> speaker.get("id").equals(((Map<?, ?>) s).get("facilitatorEnrolmentId"))).hasSize(4);

        Document page = Jsoup.parse(new Browser(anonymous).signIn("operator", "operator-secret-1").get("/kegiatan/" + eventId).body());
        String line = page.selectFirst("#p" + speaker.get("participantId")).text();
        assertThat(line).contains("Fatimah Azzahra").contains("Narasumber").doesNotContain("tanpa sesi");
        String number = page.selectFirst("#p" + speaker.get("participantId") + " a[href^=/sertifikat/]").text();
        assertThat(number).matches("800\\.2\\.4\\.2/\\d{4}/BPSDM-NS/2026");

        Map<String, Object> certificate = operator.get("/api/events/" + eventId + "/certificates").list().stream()
                .filter(c -> "NARASUMBER".equals(c.get("kind"))).findFirst().orElseThrow();
        byte[] pdf = httpClient.toBlocking().retrieve(HttpRequest.GET("/api/certificates/" + certificate.get("id") + "/pdf")
                .bearerAuth(anonymous.login("operator", "operator-secret-1")), byte[].class);
        assertThat(PdfChecks.text(pdf, 1).replaceAll("\\s+", " ")).contains("PIAGAM PENGHARGAAN").contains("Fatimah Azzahra")
                .contains("sebagai Narasumber").contains("16 (enam belas) jam pelajaran");
    }
}
