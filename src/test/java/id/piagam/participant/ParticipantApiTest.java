package id.piagam.participant;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ParticipantApiTest extends ApiTest {

    @Inject
    ParticipantRepository participants;

    @Test
    void createsReadsAndUpdatesAPerson() {
        Map<String, Object> body = Fixtures.aPns(1, "Siti Aminah");
        body.put("frontTitle", "Dr.");
        body.put("nip", "19750102 200503 1 001");
        body.put("golongan", "iv/a");
        body.put("email", "Siti.Aminah@Contoh.go.id");
        Api.Res created = operator.post("/api/participants", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().getHeaders().get("Location")).isEqualTo("/api/participants/" + created.id());
        assertThat(created.get("nip")).isEqualTo("197501022005031001");
        assertThat(created.get("golongan")).isEqualTo("IV/a");
        assertThat(created.get("pangkat")).isEqualTo("Pembina");
        assertThat(created.get("email")).isEqualTo("siti.aminah@contoh.go.id");
        assertThat(created.get("printedName")).isEqualTo("Dr. Siti Aminah, S.Kom.");

        Api.Res read = operator.get("/api/participants/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.get("fullName")).isEqualTo("Siti Aminah");

        body.put("jabatan", "Analis Kebijakan Ahli Muda");
        body.put("golongan", "IV/b");
        Api.Res updated = operator.put("/api/participants/" + created.id(), body);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("pangkat")).isEqualTo("Pembina Tingkat I");
        assertThat(participants.findById(created.id()).orElseThrow().jabatan()).isEqualTo("Analis Kebijakan Ahli Muda");
    }

    @Test
    void searchesByNameNipNikAndInstansiInPages() {
        participant(10, "Bambang Suryadi");
        participant(11, "Bambang Pamungkas");
        Map<String, Object> nonAsn = Map.of("fullName", "Wulan Dari", "category", "NON_ASN", "nik", "3528014312900007",
                "instansi", "Universitas Trunojoyo Madura");
        assertThat(operator.post("/api/participants", nonAsn).status()).isEqualTo(201);

        Api.Res byName = operator.get("/api/participants?q=bambang&size=1&page=0");
        assertThat(byName.get("total")).isEqualTo(2);
        assertThat((List<?>) byName.get("items")).hasSize(1);
        assertThat(byName.get("totalPages")).isEqualTo(2);

        String nip = (String) Fixtures.aPns(10, "x").get("nip");
        String spaced = nip.substring(0, 8) + " " + nip.substring(8, 14) + " " + nip.charAt(14) + " " + nip.substring(15);
        Api.Res byNip = operator.get("/api/participants?q=" + spaced.replace(" ", "%20"));
        assertThat(byNip.get("total")).isEqualTo(1);
        assertThat(((Map<?, ?>) ((List<?>) byNip.get("items")).get(0)).get("fullName")).isEqualTo("Bambang Suryadi");

        assertThat(operator.get("/api/participants?q=3528014312900007").get("total")).isEqualTo(1);
        assertThat(operator.get("/api/participants?q=trunojoyo").get("total")).isEqualTo(1);
        assertThat(operator.get("/api/participants?q=100%25").get("total")).isEqualTo(0);
        assertThat(operator.get("/api/participants?size=500").status()).isEqualTo(400);
    }

    @Test
    void aKnownPersonIsAConflictPointingAtTheExistingRecord() {
        long existing = participant(20, "Dedi Kurniawan");
        long before = participants.count();

        Map<String, Object> sameNip = Fixtures.aPns(20, "Dedi K");
        sameNip.put("email", "lain@contoh.go.id");
        Api.Res r = operator.post("/api/participants", sameNip);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/duplicate-participant");
        assertThat(((Number) r.get("existingId")).longValue()).isEqualTo(existing);
        assertThat(r.errorFields()).containsExactly("nip");

        Map<String, Object> sameEmail = Fixtures.aPns(21, "Orang Lain");
        sameEmail.put("email", "ORANG20@contoh.go.id");
        Api.Res byEmail = operator.post("/api/participants", sameEmail);
        assertThat(byEmail.status()).isEqualTo(409);
        assertThat(byEmail.errorFields()).containsExactly("email");
        assertThat(participants.count()).isEqualTo(before);
    }

    @Test
    void invalidIdentityIsRefusedFieldByFieldAndNothingIsStored() {
        long before = participants.count();
        Map<String, Object> body = Fixtures.aPns(30, "Rina Marlina");
        body.put("nip", "197501312005131001");
        body.put("golongan", "V/a");
        body.put("sex", "P");
        Api.Res r = operator.post("/api/participants", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.get("type")).isEqualTo("https://piagam.id/problems/validation");
        assertThat(r.errorFields()).contains("nip", "golongan", "sex");
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.get("message")).isEqualTo("Bulan pengangkatan 13 pada NIP tidak valid (01-12)."));
        assertThat(participants.count()).isEqualTo(before);
    }

    @Test
    void malformedInputGetsAProblemNamingTheField() {
        Api.Res unknownEnum = operator.post("/api/participants", Map.of("fullName", "X", "category", "PEGAWAI"));
        assertThat(unknownEnum.status()).isEqualTo(400);
        assertThat(unknownEnum.errorFields()).containsExactly("category");

        Api.Res badDate = operator.post("/api/participants", Map.of("fullName", "X", "category", "PNS", "birthDate", "1990-02-30"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.errorFields()).containsExactly("birthDate");

        Api.Res blank = operator.post("/api/participants", Map.of("fullName", " ", "category", "NON_ASN", "email", "bukan-email"));
        assertThat(blank.errorFields()).containsExactlyInAnyOrder("fullName", "email");

        Api.Res broken = operator.postRaw("/api/participants", "{\"fullName\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).isEqualTo("application/problem+json");
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("id.piagam");
    }

    @Test
    void speaksEnglishWhenAsked() {
        Api.Res r = operator.inLanguage("en").post("/api/participants", Map.of("fullName", "Rudi", "category", "PNS"));
        assertThat(r.get("title")).isEqualTo("Invalid data");
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.get("message")).isEqualTo("NIP is required for category PNS."));
    }

    @Test
    void unknownIdsAre404AndAnonymousCallersAre401() {
        Api.Res missing = operator.get("/api/participants/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.get("detail")).isEqualTo("Peserta dengan id 999999 tidak ditemukan.");
        assertThat(anonymous.get("/api/participants").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/participants", Fixtures.aPns(40, "Anon")).status()).isEqualTo(401);
        assertThat(operator.put("/api/participants/999999", Fixtures.aPns(41, "Nobody")).status()).isEqualTo(404);
    }
}
