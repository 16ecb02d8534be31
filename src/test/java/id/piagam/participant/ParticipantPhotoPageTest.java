package id.piagam.participant;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Browser;
import id.piagam.support.Fixtures;
import id.piagam.support.Images;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pas foto on the staff's participant page: upload, replace, remove, a refusal at the field. */
@MicronautTest(transactional = false)
class ParticipantPhotoPageTest extends ApiTest {

    @Inject
    ParticipantPhotoRepository photos;

    private static Api.Res upload(Browser browser, long id, String fileName, MediaType type, byte[] bytes) {
        return browser.send(HttpRequest.POST("/peserta/" + id + "/foto", MultipartBody.builder().addPart("_csrf", browser.csrf())
                .addPart("photo", fileName, type, bytes).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    @Test
    void staffUploadReplaceAndRemoveThePhotoOnThePersonsPage() throws IOException {
        Map<String, Object> person = Fixtures.aPns(1301, "Siti Aminah");
        person.put("frontTitle", "Dr.");
        long id = operator.post("/api/participants", person).id();
        Browser browser = new Browser(anonymous).signIn("operator", "operator-secret-1");

        Document blank = Jsoup.parse(browser.get("/peserta/" + id).body());
        assertThat(blank.selectFirst("#photo-none")).isNotNull();
        assertThat(blank.selectFirst("#photo-image")).isNull();
        assertThat(blank.selectFirst("#photo-remove")).isNull();
        assertThat(blank.selectFirst("#photo-form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(blank.selectFirst("#photo-form input[name=_csrf]")).isNotNull();
        assertThat(blank.selectFirst("#photo-form label[for=photo]")).isNotNull();

        // a text file named like a photo: refused at the field, nothing stored
        Api.Res text = upload(browser, id, "foto.jpg", MediaType.IMAGE_JPEG_TYPE, "ini bukan foto".getBytes());
        assertThat(text.status()).isEqualTo(400);
        Document refused = Jsoup.parse(text.body());
        assertThat(refused.selectFirst("#photo-error").text()).isEqualTo("Hanya gambar PNG atau JPEG yang diterima.");
        assertThat(refused.selectFirst("#photo").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("#fullName").val()).isEqualTo("Siti Aminah");
        assertThat(photos.findByParticipantIdAndRetiredAtIsNull(id)).isEmpty();

        Api.Res landscape = upload(browser, id, "foto.jpg", MediaType.IMAGE_JPEG_TYPE, Images.passPhoto(400, 300, "jpeg", false));
        assertThat(Jsoup.parse(landscape.body()).selectFirst("#photo-error").text()).contains("400\u00d7300").contains("3\u00d74");

        Api.Res ok = upload(browser, id, "foto.jpg", MediaType.IMAGE_JPEG_TYPE, Images.passPhoto(300, 400, "jpeg", false));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(ok.raw().getHeaders().get("Location")).isEqualTo("/peserta/" + id + "?tersimpan=1#foto");
        Document shown = Jsoup.parse(browser.get("/peserta/" + id).body());
        String src = shown.selectFirst("#photo-image").attr("src");
        assertThat(src).startsWith("/peserta/" + id + "/foto?v=");
        assertThat(shown.selectFirst("#photo-image").attr("alt")).isEqualTo("Pas foto Dr. Siti Aminah, S.Kom.");
        assertThat(shown.selectFirst("#photo-form button").text()).isEqualTo("Ganti foto");
        Api.Res image = browser.get(src);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/jpeg");

        // replaced: the page points at the new picture
        assertThat(upload(browser, id, "baru.png", MediaType.IMAGE_PNG_TYPE, Images.passPhoto(300, 400, "png", true)).status()).isEqualTo(303);
        String replaced = Jsoup.parse(browser.get("/peserta/" + id).body()).selectFirst("#photo-image").attr("src");
        assertThat(replaced).isNotEqualTo(src);
        assertThat(browser.get(replaced).contentType()).isEqualTo("image/png");

        Api.Res removed = browser.post("/peserta/" + id + "/foto/hapus", Map.of("_csrf", browser.csrf()));
        assertThat(removed.status()).isEqualTo(303);
        assertThat(Jsoup.parse(browser.get("/peserta/" + id).body()).selectFirst("#photo-none")).isNotNull();
        assertThat(browser.get("/peserta/" + id + "/foto").status()).isEqualTo(404);
        assertThat(photos.findByParticipantIdAndRetiredAtIsNull(id)).isEmpty();
    }
}
