package id.piagam.participant;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.Sheets;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Phone numbers are stored in one form (08…) through the API, the pages and the import; non-phones are refused at the field. */
@MicronautTest(transactional = false)
class PhoneNumbersTest extends ApiTest {

    @Test
    void theApiStoresOneFormAndRefusesWhatIsNoIndonesianPhone() {
        Map<String, Object> p = Fixtures.aPns(1101, "Wayan Sudirta");
        p.put("phone", "+62 813-0000-1101");
        Api.Res created = operator.post("/api/participants", p);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.get("phone")).isEqualTo("081300001101");

        Map<String, Object> bad = Fixtures.aPns(1102, "Nyoman Ardana");
        bad.put("phone", "12345");
        Api.Res refused = operator.post("/api/participants", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors()).extracting(e -> e.get("field"), e -> e.get("code")).containsExactly(tuple("phone", "phone.format"));
    }

    @Test
    void thePageShowsTheRefusalAtThePhoneField() {
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");
        Map<String, String> f = new HashMap<>();
        f.put("_csrf", browser.csrf());
        f.put("fullName", "Ketut Arsana");
        f.put("category", "NON_ASN");
        f.put("nik", "5103011204800001");
        f.put("phone", "+1 555 123 4567");
        Api.Res r = browser.post("/peserta/baru", f);
        assertThat(r.status()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).selectFirst("#phone-error").text()).startsWith("Bukan nomor telepon Indonesia");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhoneTypedAsANumberGetsItsLeadingZeroBack() throws Exception {
        long eventId = Scenario.of(operator, Fixtures.aBimtek()).eventId;
        byte[] file = Sheets.cells(List.of(List.of("Nama Lengkap", "NIK", "No. HP"),
                List.of("Made Suarta", "5103011204800002", 81300000004d))); // the phone typed as a number
        MultipartBody body = MultipartBody.builder().addPart("file", "hp.xlsx", MediaType.APPLICATION_OCTET_STREAM_TYPE, file).build();
        Api.Res r = operator.send(HttpRequest.POST("/api/events/" + eventId + "/imports", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Number id = (Number) ((List<Map<String, Object>>) r.get("rows")).get(0).get("participantId");
        assertThat(operator.get("/api/participants/" + id.longValue()).get("phone")).isEqualTo("081300000004");
    }
}
