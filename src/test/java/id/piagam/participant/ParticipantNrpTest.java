package id.piagam.participant;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** TNI/Polri participants carry their NRP: optional, digits only, unique, theirs alone. */
@MicronautTest(transactional = false)
class ParticipantNrpTest extends ApiTest {

    @Inject
    ParticipantRepository participants;

    private static Map<String, Object> soldier(String name, String nrp) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fullName", name);
        p.put("category", "TNI_POLRI");
        p.put("nrp", nrp);
        p.put("instansi", "Kodim 0826 Pamekasan");
        return p;
    }

    @Test
    void anNrpIsCreatedReadUpdatedAndExported() {
        Api.Res created = operator.post("/api/participants", soldier("Slamet Riyadi", "1109 0012 8302"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.get("nrp")).isEqualTo("110900128302");
        assertThat(created.get("nik")).as("an NRP identifies a TNI/Polri member without a NIK").isNull();
        assertThat(operator.get("/api/participants/" + created.id()).get("nrp")).isEqualTo("110900128302");
        assertThat(participants.findById(created.id()).orElseThrow().nrp()).isEqualTo("110900128302");

        Map<String, Object> changed = soldier("Slamet Riyadi", "87050123");
        Api.Res updated = operator.put("/api/participants/" + created.id(), changed);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.get("nrp")).isEqualTo("87050123");
        assertThat(operator.get("/api/participants?q=87050123").get("total")).isEqualTo(1);

        Api.Res export = operator.get("/api/participants/export.csv?q=87050123");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().findFirst().orElseThrow()).endsWith("NRP");
        assertThat(export.body()).contains("87050123");
    }

    @Test
    void aDuplicateNrpIsAConflictPointingAtTheExistingRecord() {
        long existing = operator.post("/api/participants", soldier("Agus Widodo", "11010099")).id();
        long before = participants.count();
        Api.Res r = operator.post("/api/participants", soldier("Agus W", "1101-0099"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/duplicate-participant");
        assertThat(((Number) r.get("existingId")).longValue()).isEqualTo(existing);
        assertThat(r.errorFields()).containsExactly("nrp");
        assertThat(participants.count()).isEqualTo(before);
    }

    @Test
    void aMalformedOrMisplacedNrpIsRefusedAtItsField() {
        long before = participants.count();
        Api.Res letters = operator.post("/api/participants", soldier("Budi Prakoso", "NRP-12A45"));
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.errorFields()).containsExactly("nrp");
        assertThat(letters.errors()).singleElement().satisfies(e -> assertThat(e.get("message")).isEqualTo("NRP harus 8–18 digit angka."));
        assertThat(operator.post("/api/participants", soldier("Budi Prakoso", "1234567")).errorFields()).containsExactly("nrp");

        Map<String, Object> civilian = soldier("Budi Prakoso", "11010100");
        civilian.put("category", "NON_ASN");
        civilian.put("nik", "3528014312900007");
        Api.Res misplaced = operator.post("/api/participants", civilian);
        assertThat(misplaced.status()).isEqualTo(400);
        assertThat(misplaced.errorFields()).containsExactly("nrp");

        Map<String, Object> neither = soldier("Budi Prakoso", null);
        Api.Res none = operator.inLanguage("en").post("/api/participants", neither);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("nik");
            assertThat(e.get("message")).isEqualTo("Give a NIK or an NRP for category TNI/Polri.");
        });
        assertThat(participants.count()).isEqualTo(before);
    }

    @Test
    void thePageFormTakesAndShowsTheNrp() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Document blank = Jsoup.parse(browser.get("/peserta/baru").body());
        assertThat(blank.selectFirst("label[for=nrp]")).isNotNull();

        Map<String, String> f = new HashMap<>();
        f.put("_csrf", browser.csrf());
        f.put("fullName", "Joko Susilo");
        f.put("category", "TNI_POLRI");
        f.put("nrp", "12AB");
        Api.Res bad = browser.post("/peserta/baru", f);
        assertThat(bad.status()).isEqualTo(400);
        Document doc = Jsoup.parse(bad.body());
        assertThat(doc.selectFirst("#nrp-error").text()).isEqualTo("NRP harus 8–18 digit angka.");
        assertThat(doc.selectFirst("#nrp").val()).isEqualTo("12AB");

        f.put("nrp", "8 7 0 6 0 4 5 6");
        Api.Res saved = browser.post("/peserta/baru", f);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        String location = saved.raw().getHeaders().get("Location");
        long id = Long.parseLong(location.replaceAll("^/peserta/(\\d+).*$", "$1"));
        assertThat(participants.findById(id).orElseThrow().nrp()).isEqualTo("87060456");
        assertThat(Jsoup.parse(browser.get("/peserta/" + id).body()).selectFirst("#nrp").val()).isEqualTo("87060456");
    }
}
